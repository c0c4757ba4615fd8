package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// busySalon is open 08:00–21:00 every day with five staff members; the week
// of Monday 9 September 2030 has a visit for each of them on Monday and
// Sunday, the first at 08:00 and the last at 20:00.
type busySalon struct {
	env    *testkit.Env
	salon  testkit.Salon
	staff  []string // names, in the agenda's order
	client uuid.UUID
}

const (
	monday = "2030-09-09"
	sunday = "2030-09-15"
)

// longWord is 300 characters without a space, as a pasted link or a cat on
// the keyboard leaves them.
var longWord = strings.Repeat("Allergique", 30)

func newBusySalon(t *testing.T) busySalon {
	t.Helper()
	env := testkit.NewEnv(t)
	ctx := context.Background()
	b := busySalon{env: env, salon: env.NewSalon("Institut Grand Planning"),
		staff: []string{"Alice", "Bérénice", "Chloé", "Delphine", "Eugénie"}}
	days := availability.Daily(availability.Hours(8, 21))
	require.NoError(t, env.Srv.Salons.SetHours(ctx, b.salon.ID, days))
	// The visits are booked in September 2030, ahead of "today".
	env.Clock.Set(time.Date(2030, 8, 1, 8, 0, 0, 0, paris(t)))
	sal, err := env.Srv.Salons.Get(ctx, b.salon.ID)
	require.NoError(t, err)
	svc, err := env.Srv.Catalog.CreateService(ctx, b.salon.ID, catalog.ServiceInput{Name: "Soin visage", Duration: 60 * time.Minute, PriceCents: 6500})
	require.NoError(t, err)
	b.client, err = env.Srv.Customers.Create(ctx, b.salon.ID, customer.RecordInput{FirstName: "Léa", LastName: "Martin",
		Phone: "06 12 34 56 78", Note: "Note : " + longWord, Region: "FR"})
	require.NoError(t, err)
	for i, name := range b.staff {
		id, err := env.Srv.Team.Save(ctx, b.salon.ID, uuid.Nil, team.MemberInput{Name: name, Color: i + 1, Services: []uuid.UUID{svc}})
		require.NoError(t, err)
		// Monday 08:00 and Sunday 20:00, the week's first and last hours.
		for _, at := range []time.Time{time.Date(2030, 9, 9, 8, 0, 0, 0, sal.Location()), time.Date(2030, 9, 15, 20, 0, 0, 0, sal.Location())} {
			_, err := env.Srv.Agenda.Create(ctx, sal, b.salon.OwnerID, agenda.Input{StaffID: id, Start: at,
				ServiceIDs: []uuid.UUID{svc}, Quiet: true, Note: "Rappel : " + longWord,
				Customer: customer.QuickInput{ID: b.client}})
			require.NoError(t, err)
		}
	}
	return b
}

func (b busySalon) login(t *testing.T, width, height int64) context.Context {
	t.Helper()
	ctx := testkit.Browser(t, width, height)
	testkit.Step(t, ctx,
		chromedp.Navigate(b.env.URL+"/login?lang=fr"),
		chromedp.SendKeys(chromedp.CSS("#email"), b.salon.OwnerEmail),
		chromedp.SendKeys(chromedp.CSS("#password"), testkit.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".checklist")),
	)
	return ctx
}

// reachJS scrolls each element matching the selector into view, as a user
// would by scrolling the page or the agenda, and reports the ones that then
// are not wholly inside the window or are hidden under something else (a
// click on their middle would not reach them).
const reachJS = `(() => {
  const out = [];
  for (const el of document.querySelectorAll(%q)) {
    el.scrollIntoView({block: 'center', inline: 'center'});
    const r = el.getBoundingClientRect();
    const label = (el.textContent || el.getAttribute('href') || el.className).trim().replace(/\s+/g, ' ').slice(0, 40);
    if (r.width < 1 || r.height < 1) { out.push(label + ': no size'); continue; }
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
      out.push(label + ': outside the window ' + JSON.stringify([r.left, r.top, r.right, r.bottom])); continue;
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el === hit || el.contains(hit))) out.push(label + ': covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing'));
  }
  return out;
})()`

// unreachable lists the elements of sel a user cannot bring into view and click.
func unreachable(t *testing.T, ctx context.Context, sel string) []string {
	t.Helper()
	return testkit.Read(t, ctx, chromedp.Evaluate[[]string](fmt.Sprintf(reachJS, sel)))
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return testkit.Read(t, ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
}

// pageOverflow is how far the page itself is wider than the window.
func pageOverflow(t *testing.T, ctx context.Context) int {
	t.Helper()
	return testkit.Read(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
}

// On a phone, the day view of a salon of five reaches every staff column and
// the whole day, 08:00 to 21:00, by scrolling: nothing is cut off.
func TestOnAPhoneTheDayViewReachesEveryStaffColumnAndTheWholeDay(t *testing.T) {
	b := newBusySalon(t)
	ctx := b.login(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, ctx,
		chromedp.Navigate(b.env.URL+"/app/agenda?date="+sunday),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
	)
	testkit.Screenshot(t, ctx, "display-day-phone")
	require.Equal(t, len(b.staff), count(t, ctx, ".agenda-grid .col-head"))
	require.Empty(t, unreachable(t, ctx, ".agenda-grid .col-head"), "every staff column's header")
	require.Empty(t, unreachable(t, ctx, ".agenda-grid .appt"), "every visit, the last at 20:00 included")
	require.Empty(t, unreachable(t, ctx, `.agenda-grid .cell[href*="time=08:00"]`), "the day's first slot")
	require.Equal(t, "20:00", testkit.Read(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('.agenda-grid .hour')].pop().textContent`)))
	require.LessOrEqual(t, testkit.Read(t, ctx, chromedp.Evaluate[int](`(() => { const s = document.querySelector('.agenda-scroll'); return s.scrollHeight - s.clientHeight; })()`)), 1,
		"the day is not cut to a box scrolled on its own: the page scrolls down to the evening")
	require.Greater(t, testkit.Read(t, ctx, chromedp.Evaluate[int](`(() => { const s = document.querySelector('.agenda-scroll'); return s.scrollWidth - s.clientWidth; })()`)), 0,
		"five columns scroll sideways inside the agenda")
	require.LessOrEqual(t, pageOverflow(t, ctx), 0, "the page itself does not scroll sideways")

	// The last visit of the day opens when tapped.
	testkit.Step(t, ctx,
		chromedp.ScrollIntoView(chromedp.CSS(`.agenda-grid .appt.staff-5`)),
		chromedp.Click(chromedp.CSS(`.agenda-grid .appt.staff-5`)),
		chromedp.WaitVisible(chromedp.CSS("#appointment-panel")),
	)
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#appointment-panel"))), "Eugénie")

	// On Monday the evening is free: its last slot, 20:45, can be tapped to book.
	testkit.Step(t, ctx,
		chromedp.Navigate(b.env.URL+"/app/agenda?date="+monday),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
	)
	require.Equal(t, len(b.staff), count(t, ctx, `.agenda-grid .cell[href*="time=20:45"]`))
	require.Empty(t, unreachable(t, ctx, `.agenda-grid .cell[href*="time=20:45"]`), "the day's last slot, in every column")
}

// On a phone, every entry of the back office's menu is on screen and opens
// its page: none hides past the edge of a sideways-scrolling strip.
func TestOnAPhoneEveryMenuEntryIsReachable(t *testing.T) {
	b := newBusySalon(t)
	ctx := b.login(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, ctx,
		chromedp.Navigate(b.env.URL+"/app/agenda?date="+monday),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
	)
	testkit.Screenshot(t, ctx, "display-menu-phone")
	links := testkit.Read(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.app-nav a')].map(a => a.getAttribute('href'))`))
	require.GreaterOrEqual(t, len(links), 7)
	// Without scrolling anything: each entry is wholly on screen at the top of the page.
	offscreen := testkit.Read(t, ctx, chromedp.Evaluate[[]string](`(() => { scrollTo(0, 0); const out = [];
	  for (const a of document.querySelectorAll('.app-nav a')) { const r = a.getBoundingClientRect();
	    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
	    if (r.left < 0 || r.right > innerWidth || r.width < 1 || !(hit === a || a.contains(hit))) out.push(a.textContent.trim()); }
	  return out; })()`))
	require.Empty(t, offscreen, "menu entries off screen at 390 px")
	for _, href := range links {
		testkit.Step(t, ctx,
			chromedp.Navigate(b.env.URL+"/app/agenda?date="+monday),
			chromedp.WaitVisible(chromedp.CSS(".app-nav")),
			chromedp.Click(chromedp.CSS(fmt.Sprintf(`.app-nav a[href=%q]`, href))),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.app-nav a[href=%q][aria-current="page"]`, href))),
		)
	}
	require.Empty(t, unreachable(t, ctx, ".topbar details.menu > summary"), "the account menu (log out)")
}

// At desktop width the week view shows the whole team, Monday to Sunday, at
// once: every day and every staff member's lane fits the window.
func TestAtDesktopWidthTheWeekShowsEveryStaffMemberMondayToSunday(t *testing.T) {
	b := newBusySalon(t)
	ctx := b.login(t, testkit.DesktopWidth, testkit.DesktopHeight)
	testkit.Step(t, ctx,
		chromedp.Navigate(b.env.URL+"/app/agenda"),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
		chromedp.Navigate(b.env.URL+"/app/agenda?date=2030-09-11"),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid")),
		chromedp.Click(chromedp.CSS(`.seg a[href^="/app/agenda/week"]`)),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid .day-head")),
	)
	testkit.Screenshot(t, ctx, "display-week-desktop")
	days := testkit.Read(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.agenda-grid .day-head')].map(h => h.textContent.trim().replace(/\s+/g, ' '))`))
	require.Len(t, days, 7)
	require.True(t, strings.HasPrefix(strings.ToLower(days[0]), "lundi"), days[0])
	require.True(t, strings.HasPrefix(strings.ToLower(days[6]), "dimanche"), days[6])
	require.Contains(t, days[6], "15")

	// Every lane and visit is on screen without scrolling sideways.
	require.LessOrEqual(t, testkit.Read(t, ctx, chromedp.Evaluate[int](`(() => { const s = document.querySelector('.agenda-scroll'); return s.scrollWidth - s.clientWidth; })()`)), 0,
		"the week needs no sideways scrolling")
	require.Equal(t, 7*len(b.staff), count(t, ctx, ".agenda-grid .staff-head"))
	require.Empty(t, unreachable(t, ctx, ".agenda-grid .day-head"))
	require.Empty(t, unreachable(t, ctx, ".agenda-grid .staff-head"))
	require.Equal(t, 2*len(b.staff), count(t, ctx, ".agenda-grid .appt"), "Monday's and Sunday's visits of all five")
	require.Empty(t, unreachable(t, ctx, ".agenda-grid .appt"))
	require.LessOrEqual(t, pageOverflow(t, ctx), 0)
	for _, name := range b.staff {
		require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS(".team-legend"))), name)
	}

	// One staff member's week is still there, from the picker.
	testkit.Step(t, ctx,
		chromedp.SetValue(chromedp.CSS("#week-staff"), testkit.Read(t, ctx, chromedp.Evaluate[string](`document.querySelector('#week-staff option:nth-child(3)').value`))),
		chromedp.Submit(chromedp.CSS("#week-staff")),
		chromedp.WaitVisible(chromedp.CSS(".agenda-grid .col-head")),
	)
	require.Equal(t, 2, count(t, ctx, ".agenda-grid .appt"), "Bérénice's two visits")
	require.Equal(t, 7, count(t, ctx, ".agenda-grid .col-head"))
}

// A 300-character word in the client's note, an appointment note or a ledger
// line wraps: the page never gets wider than the window, phone or desktop.
func TestALongUnbrokenNoteWrapsAtAnyWidth(t *testing.T) {
	b := newBusySalon(t)
	require.NoError(t, b.env.Srv.Customers.AddEntry(context.Background(), b.salon.ID, b.client, b.salon.OwnerID, "EUR",
		customer.EntryInput{Cents: 1200, Debt: true, Note: longWord}))
	_, err := b.env.Srv.Customers.SaveSheet(context.Background(), b.salon.ID, b.client, uuid.Nil, b.salon.OwnerID,
		customer.SheetInput{Date: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Today: b.env.Clock.Now(), Title: "Couleur", Products: longWord, Notes: longWord})
	require.NoError(t, err)
	for _, size := range []struct {
		name          string
		width, height int64
	}{{"phone", testkit.PhoneWidth, testkit.PhoneHeight}, {"desktop", testkit.DesktopWidth, testkit.DesktopHeight}} {
		t.Run(size.name, func(t *testing.T) {
			ctx := b.login(t, size.width, size.height)
			testkit.Step(t, ctx,
				chromedp.Navigate(b.env.URL+"/app/clients/"+b.client.String()),
				chromedp.WaitVisible(chromedp.CSS("#identity-title")),
			)
			testkit.Screenshot(t, ctx, "display-long-note-"+size.name)
			require.LessOrEqual(t, pageOverflow(t, ctx), 0, "the record is no wider than the window")
			for _, sel := range []string{"#identity-title ~ .pre", ".ledger li", ".sheet"} {
				right := testkit.Read(t, ctx, chromedp.Evaluate[float64](fmt.Sprintf(`Math.max(...[...document.querySelectorAll(%q)].map(e => e.getBoundingClientRect().right))`, sel)))
				require.LessOrEqual(t, right, float64(size.width), sel)
			}
			require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("#identity-title ~ .pre"))), longWord[:50])

			// The visit's panel too.
			testkit.Step(t, ctx,
				chromedp.Navigate(b.env.URL+"/app/agenda?date="+monday),
				chromedp.WaitVisible(chromedp.CSS(".agenda-grid .appt")),
				chromedp.Click(chromedp.CSS(".agenda-grid .appt")),
				chromedp.WaitVisible(chromedp.CSS("#appointment-panel")),
				chromedp.Sleep(200*time.Millisecond),
			)
			testkit.Screenshot(t, ctx, "display-long-note-panel-"+size.name)
			require.LessOrEqual(t, pageOverflow(t, ctx), 0, "the agenda with the panel open")
			panelRight := testkit.Read(t, ctx, chromedp.Evaluate[float64](`document.querySelector('#appointment-panel dl.facts').getBoundingClientRect().right`))
			require.LessOrEqual(t, panelRight, float64(size.width))
		})
	}
}
