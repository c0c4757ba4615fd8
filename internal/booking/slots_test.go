package booking_test

import (
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"
)

// TestTheTimesOfADayAreTheSameInTheFragmentAndOnThePage: choosing a day
// swaps in only its times (htmx); they must be the page's times for that day,
// taken or not.
func TestTheTimesOfADayAreTheSameInTheFragmentAndOnThePage(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	require.Equal(t, 303, s.book(s.at("10:00"), "taken-"+s.salon.Slug+"@example.com", nil).Status)

	c := s.web.NewClient()
	q := "?date=" + s.day().Format(time.DateOnly)
	page := c.Get(s.servicePath() + q)
	require.Equal(t, 200, page.Status)
	c.Header.Set("HX-Request", "true")
	frag := c.Get(s.servicePath() + "/slots" + q)
	require.Equal(t, 200, frag.Status)

	onPage := page.Doc.Find("#times .slots a").Map(func(_ int, a *goquery.Selection) string { return a.Text() })
	inFrag := frag.Doc.Find("#times .slots a").Map(func(_ int, a *goquery.Selection) string { return a.Text() })
	require.NotEmpty(t, onPage)
	require.Equal(t, onPage, inFrag)
	require.Equal(t, "09:00", inFrag[0])
	require.NotContains(t, inFrag, "10:00", "the booked hour is not offered")
	require.NotContains(t, inFrag, "09:15", "nor any time that would overlap it")
}
