package booking_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"
)

func TestTheClientPagesThroughTheDatesUpToTheSalonsBookingHorizon(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"}) // books up to 60 days ahead
	c := s.web.NewClient()
	loc := s.sal.Location()
	now := s.env.Clock.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)

	page := c.Get(s.servicePath())
	require.Equal(t, 200, page.Status)
	require.Zero(t, page.Doc.Find(".date-pages a.earlier").Length(), "nothing before today")
	shown := map[string]string{} // date → its link
	pages := 0
	for {
		pages++
		require.Less(t, pages, 10, "the strip never ends")
		page.Doc.Find(".date-strip a").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			u, err := url.Parse(href)
			require.NoError(t, err)
			shown[u.Query().Get("date")] = href
		})
		next, ok := page.Doc.Find(".date-pages a.later").Attr("href")
		if !ok {
			break
		}
		page = c.Get(next)
		require.Equal(t, 200, page.Status)
		require.NotZero(t, page.Doc.Find(".date-pages a.earlier").Length(), "and back")
	}
	require.Equal(t, 5, pages, "60 days: five pages of 14")

	// Every day up to the horizon can be reached, and has times to book.
	for _, ahead := range []int{13, 14, 30, 45, 59} {
		day := today.AddDate(0, 0, ahead).Format(time.DateOnly)
		href, ok := shown[day]
		require.True(t, ok, "day +%d (%s) is in the strip", ahead, day)
		times := c.Get(href)
		require.NotZero(t, times.Doc.Find(".slots a").Length(), "day +%d has times", ahead)
	}
	_, beyond := shown[today.AddDate(0, 0, 75).Format(time.DateOnly)]
	require.False(t, beyond, "no page past the horizon")

	// A date typed far past the horizon shows no times and steps back to
	// the last page at once.
	lost := c.Get(s.servicePath() + "?date=2099-06-01")
	require.Equal(t, 200, lost.Status)
	require.Zero(t, lost.Doc.Find(".slots a").Length())
	require.Zero(t, lost.Doc.Find(".date-pages a.later").Length())
	back, ok := lost.Doc.Find(".date-pages a.earlier").Attr("href")
	require.True(t, ok)
	require.Contains(t, back, "date="+today.AddDate(0, 0, 56).Format(time.DateOnly))

	// A time 45 days ahead books like any other.
	far := c.Get(shown[today.AddDate(0, 0, 45).Format(time.DateOnly)])
	href, _ := far.Doc.Find(".slots a").First().Attr("href")
	u, err := url.Parse(href)
	require.NoError(t, err)
	start, err := time.Parse(time.RFC3339, u.Query().Get("start"))
	require.NoError(t, err)
	email := "far-" + s.salon.Slug + "@example.com"
	p := s.book(start, email, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	require.Equal(t, 1, s.onlineBookings(email))
}
