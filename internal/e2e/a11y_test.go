package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// a11ySalon is a salon whose date strip shows a closed day and a day that
// fills up: open 09:00–19:00, except the weekday three days from today
// (closed) and the weekday two days from today (one hour, one 60-minute
// time, for its one staff member). It returns the salon, its service and
// the day with one time.
func a11ySalon(t *testing.T, env *testkit.Env) (testkit.Salon, string, time.Time) {
	t.Helper()
	ctx := context.Background()
	paris, _ := time.LoadLocation("Europe/Paris")
	now := env.Clock.Now().In(paris)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, paris)
	short, closed := today.AddDate(0, 0, 2), today.AddDate(0, 0, 3)
	s := env.NewSalon("Institut Horizon")
	week := availability.Daily(availability.Hours(9, 19))
	week[short.Weekday()], week[closed.Weekday()] = []availability.Range{availability.Hours(9, 10)}, nil
	require.NoError(t, env.Srv.Salons.SetHours(ctx, s.ID, week))
	require.NoError(t, env.Srv.Salons.UpdateSettings(ctx, s.ID, salon.SettingsInput{Country: "FR", Name: s.Name, TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "fr", SlotStep: 60 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour,
		DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))
	svc, err := env.Srv.Catalog.CreateService(ctx, s.ID, catalog.ServiceInput{Name: "Soin éclat", Duration: 60 * time.Minute, PriceCents: 5000,
		OnlineBookable: true})
	require.NoError(t, err)
	_, err = env.Srv.Team.Save(ctx, s.ID, uuid.Nil, team.MemberInput{Name: "Nora", Color: 2, Services: []uuid.UUID{svc}})
	require.NoError(t, err)
	return s, svc.String(), short
}

// visit opens a page and waits for what shows it is there.
func visit(t *testing.T, b context.Context, url, ready string) {
	t.Helper()
	testkit.Step(t, b, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(ready)))
}

// TestEveryPublicPageIsUsableWithAScreenReaderAndAKeyboard: at phone and
// desktop widths, axe finds no serious or critical WCAG 2.2 AA problem, and
// each page has one h1 and no two fields or landmarks with the same name, on
// the landing page, sign-up (also refused), sign-in, password reset, the
// salon's page, the time choice (with a closed and a full day in the
// strip), the details form (also refused), the manage page, and the client
// portal from its sign-in to its home.
func TestEveryPublicPageIsUsableWithAScreenReaderAndAKeyboard(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service, short := a11ySalon(t, env)
	for i, w := range widths {
		b := testkit.Browser(t, w.width, w.height)
		check := func(page string) { t.Helper(); requireAccessible(t, b, page+"-"+w.name) }

		visit(t, b, env.URL+"/?lang=fr", "h1")
		check("landing")
		visit(t, b, env.URL+"/signup?lang=fr", "#salon_name")
		check("signup")
		testkit.Step(t, b, chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
		check("signup-refused")
		visit(t, b, env.URL+"/login?lang=fr", "#email")
		check("login")
		visit(t, b, env.URL+"/password/forgot?lang=fr", "#email")
		check("forgot")
		testkit.Step(t, b, chromedp.SendKeys(chromedp.CSS("#email"), s.OwnerEmail),
			chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".alert.ok")))
		check("forgot-sent")
		reset := env.Mail.WaitSubjectN(t, s.OwnerEmail, "mot de passe", i+1).Link(t, "/password/reset/")
		visit(t, b, reset, "#password")
		check("reset")

		visit(t, b, env.URL+"/b/"+s.Slug+"?lang=fr", "a.service-item")
		check("salon")
		// The first width books the short day's one time: the day is full after.
		day := short
		if i > 0 {
			day = short.AddDate(0, 0, 2)
		}
		visit(t, b, env.URL+"/b/"+s.Slug+"/s/"+service+"?date="+day.Format(time.DateOnly)+"&lang=fr", ".slots a")
		testkit.Step(t, b, chromedp.Click(chromedp.CSS(".slots a")), chromedp.WaitVisible(chromedp.CSS("#first_name")))
		check("details")
		testkit.Step(t, b, chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".error-summary")))
		check("details-refused")
		email := fmt.Sprintf("a11y-%s-%s@example.com", w.name, s.Slug)
		testkit.Step(t, b,
			chromedp.SendKeys(chromedp.CSS("#first_name"), "Zoé"),
			chromedp.SendKeys(chromedp.CSS("#last_name"), "Fontaine"),
			chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.SendKeys(chromedp.CSS("#phone"), fmt.Sprintf("06 98 76 54 %02d", 20+i)),
			chromedp.Click(chromedp.CSS("input[name=accept_terms]")),
			chromedp.Click(chromedp.CSS("form button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".status-banner.ok")),
		)
		check("manage")

		visit(t, b, env.URL+"/b/"+s.Slug+"/s/"+service+"?lang=fr", ".date-strip")
		require.Equal(t, 2, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('.date-strip .closed').length`)), "two closed days in 14")
		require.GreaterOrEqual(t, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('.date-strip .full').length`)), 1, "the short day is full")
		check("times")

		visit(t, b, env.URL+"/b/"+s.Slug+"/account?lang=fr", "#email")
		check("portal-login")
		testkit.Step(t, b, chromedp.SendKeys(chromedp.CSS("#email"), email),
			chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".status-banner")))
		check("portal-sent")
		visit(t, b, env.Mail.WaitSubject(t, email, "connexion").Link(t, "/account/login/"), "form button[type=submit]")
		check("portal-confirm")
		testkit.Step(t, b, chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("form[action$='/account/logout']")))
		check("portal-home")
	}
}

// contrastOf is a page function: the contrast ratio between two CSS colours
// (opaque rgb() as getComputedStyle gives them), per WCAG 2.
const contrastOf = `((a, b) => {
	const lum = c => {
		const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(v => {
			v = v / 255;
			return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
})`

// backgroundOf is a page function: the first opaque background behind an element.
const backgroundOf = `(el => {
	for (; el; el = el.parentElement) {
		const bg = getComputedStyle(el).backgroundColor;
		if (bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) return bg;
	}
	return 'rgb(255, 255, 255)';
})`

// bookOnline books a time as a client does, over HTTP.
func bookOnline(t *testing.T, env *testkit.Env, slug, service string, start time.Time, email string) {
	t.Helper()
	c := env.NewClient()
	path := "/b/" + slug + "/s/" + service + "/book"
	page := c.Get(path + "?start=" + url.QueryEscape(start.Format(time.RFC3339)))
	require.Equal(t, 200, page.Status)
	done := c.Post(path, url.Values{"start": {start.Format(time.RFC3339)}, "first_name": {"Léa"}, "last_name": {"Martin"},
		"email": {email}, "phone": {"06 12 34 56 78"}, "accept_terms": {"1"}, "policy_hash": {page.Value("input[name=policy_hash]")}})
	require.Equal(t, 303, done.Status, done.Text(".alert"))
}

// TestClosedAndFullDaysAreNoLinksAndSayWhy: in the date strip, the salon's
// closed weekday and a day whose one time is taken cannot be tabbed to,
// read « fermé » and « complet », and their text keeps a 4.5:1 contrast.
func TestClosedAndFullDaysAreNoLinksAndSayWhy(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service, short := a11ySalon(t, env)
	bookOnline(t, env, s.Slug, service, short.Add(9*time.Hour), "full-"+s.Slug+"@example.com")
	b := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	visit(t, b, env.URL+"/b/"+s.Slug+"/s/"+service+"?lang=fr", ".date-strip")
	testkit.Screenshot(t, b, "a11y-days-off-phone")

	type day struct {
		Text, Tag         string
		Focusable         bool
		Contrast, Smaller float64
	}
	days := testkit.Read(t, b, chromedp.Evaluate[[]day](`[...document.querySelectorAll('.date-strip > *')].map(el => ({
		Text: el.textContent.replace(/\s+/g, ' ').trim(),
		Tag: el.tagName,
		Focusable: el.tabIndex >= 0,
		Contrast: `+contrastOf+`(getComputedStyle(el).color, `+backgroundOf+`(el)),
		Smaller: Math.min(...[...el.querySelectorAll('small')].map(s => `+contrastOf+`(getComputedStyle(s).color, `+backgroundOf+`(s)))),
	}))`))
	require.Len(t, days, 14)
	today := short.AddDate(0, 0, -2)
	for i, d := range days {
		date := today.AddDate(0, 0, i)
		switch {
		case date.Weekday() == short.AddDate(0, 0, 1).Weekday():
			require.Equal(t, "SPAN", d.Tag, "%s, closed, is no link", date)
			require.False(t, d.Focusable, "%s", date)
			require.Contains(t, d.Text, "fermé", "%s", date)
		case date.Equal(short):
			require.Equal(t, "SPAN", d.Tag, "%s, full, is no link", date)
			require.False(t, d.Focusable, "%s", date)
			require.Contains(t, d.Text, "complet", "%s", date)
		case i == 0 && d.Tag == "SPAN": // late in the evening, today has no time left
			require.Contains(t, d.Text, "complet")
		default:
			require.Equal(t, "A", d.Tag, "%s has times: a link", date)
			require.NotContains(t, d.Text, "complet")
			continue
		}
		require.GreaterOrEqual(t, d.Contrast, 4.5, "%s: its number", date)
		require.GreaterOrEqual(t, d.Smaller, 4.5, "%s: its weekday and month", date)
	}
}

// TestTheFocusRingStandsOutFromThePage: tabbing through the details form
// at phone width, every focused element has an outline of at least 2 px
// whose colour has a 3:1 contrast with what is behind it.
func TestTheFocusRingStandsOutFromThePage(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service, short := a11ySalon(t, env)
	b := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	visit(t, b, env.URL+"/b/"+s.Slug+"/s/"+service+"/book?lang=fr&start="+url.QueryEscape(short.Add(9*time.Hour).Format(time.RFC3339)), "#first_name")
	type ring struct {
		What, Style string
		Width       float64
		Contrast    float64
	}
	seen := map[string]bool{}
	for range 16 {
		testkit.Step(t, b, chromedp.KeyEvent(kb.Tab))
		r := testkit.Read(t, b, chromedp.Evaluate[ring](`(() => {
			const el = document.activeElement, st = getComputedStyle(el);
			return {What: el.tagName + '#' + el.id + '.' + el.className + ' ' + el.textContent.trim().slice(0, 30), Style: st.outlineStyle,
				Width: parseFloat(st.outlineWidth), Contrast: `+contrastOf+`(st.outlineColor, `+backgroundOf+`(el.parentElement))};
		})()`))
		if strings.HasPrefix(r.What, "BODY") {
			continue // the first Tab may only give the page the focus
		}
		seen[r.What] = true
		require.NotEqual(t, "none", r.Style, r.What)
		require.GreaterOrEqual(t, r.Width, 2.0, r.What)
		require.GreaterOrEqual(t, r.Contrast, 3.0, r.What)
	}
	require.Greater(t, len(seen), 8, "the tour went through the page's links and fields")
}

// TestARefusedFormPutsTheFocusOnItsSummary: sent empty, the details form
// and the sign-up form come back with the focus on the summary of what to
// fix; its first link takes the focus to the first bad field.
func TestARefusedFormPutsTheFocusOnItsSummary(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service, short := a11ySalon(t, env)
	b := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	active := chromedp.Evaluate[string](`document.activeElement.id`)
	for _, page := range []struct{ url, first string }{
		{env.URL + "/b/" + s.Slug + "/s/" + service + "/book?lang=fr&start=" + url.QueryEscape(short.Add(9*time.Hour).Format(time.RFC3339)), "first_name"},
		{env.URL + "/signup?lang=fr", "salon_name"},
	} {
		visit(t, b, page.url, "#"+page.first)
		testkit.Step(t, b, chromedp.Click(chromedp.CSS("form button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#error-summary")))
		require.Equal(t, "error-summary", testkit.Read(t, b, chromedp.Poll[string](`document.activeElement.id || null`)), page.url)
		require.Contains(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS("#error-summary"))), "obligatoire")
		testkit.Screenshot(t, b, "a11y-refused-"+page.first)
		testkit.Step(t, b, chromedp.Click(chromedp.CSS("#error-summary a")))
		require.Equal(t, page.first, testkit.Read(t, b, active), page.url)
	}
}

// TestChangingTheDayAnnouncesHowManyTimesAreFree: picking another day in
// the strip puts « N horaires libres le mardi 8 » in the page's status line,
// and the times themselves are in no live region (not read one by one).
func TestChangingTheDayAnnouncesHowManyTimesAreFree(t *testing.T) {
	env := testkit.NewEnv(t)
	s, service, short := a11ySalon(t, env)
	b := testkit.Browser(t, testkit.DesktopWidth, testkit.DesktopHeight)
	visit(t, b, env.URL+"/b/"+s.Slug+"/s/"+service+"?lang=fr", ".date-strip")
	require.Empty(t, testkit.Read(t, b, chromedp.Text(chromedp.CSS("#times-status"))), "nothing to announce on arrival")
	other := short.AddDate(0, 0, 2) // open all day: 10 times of 60 minutes
	testkit.Step(t, b, chromedp.Click(chromedp.CSS(`.date-strip a[href*="date=`+other.Format(time.DateOnly)+`"]`)))
	said := testkit.Read(t, b, chromedp.Poll[string](`document.querySelector('#times-status').textContent || null`))
	require.Equal(t, fmt.Sprintf("10 horaires libres le %s %d", weekdayFR(other), other.Day()), said)
	require.Equal(t, 10, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('#times .slots a').length`)))
	require.Equal(t, 1, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('#times').length`)), "the times replace the old ones")
	require.Zero(t, testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('[aria-live] .slots, [role=status] .slots, [role=alert] .slots').length`)),
		"the times are not read out one by one")
	require.Equal(t, "status", testkit.Read(t, b, chromedp.Evaluate[string](`document.querySelector('#times-status').getAttribute('role')`)))
}

func weekdayFR(d time.Time) string {
	return [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}[d.Weekday()]
}
