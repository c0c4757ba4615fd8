package portal_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Cancelling from the portal goes through the visit's manage page, so the
// salon's policy applies exactly as from the emailed link: in time, the
// deposit is refunded; late, the salon keeps it.
func TestCancellingFromThePortalFollowsThePolicy(t *testing.T) {
	t.Parallel()
	s := newShop(t, stripeEnv(t), "Institut Politesse", "deposit")
	email := "cancel-" + s.salon.Slug + "@example.com"
	early := s.depositPaid(s.at("11:00"), email, "pi_early_"+s.salon.Slug)
	lateStart := s.at("15:00")
	late := s.depositPaid(lateStart, email, "pi_late_"+s.salon.Slug)

	c := s.env.NewClient()
	home := s.signIn(c, email) // online clients can use the portal with the email they gave
	require.Equal(t, 2, home.Doc.Find(".visit-list form button").Length())
	require.Contains(t, home.Text(".visit-list"), "Payé en ligne : 15,00")

	p := c.Post(s.portal()+"/visits/"+early.String()+"/manage", nil)
	require.Equal(t, 303, p.Status)
	manage := p.Location()
	require.Regexp(t, `^/b/`+s.salon.Slug+`/m/[A-Za-z0-9_-]{40,}$`, manage)
	page := c.Get(manage)
	require.Contains(t, page.Text(".card"), "Annulation ou changement gratuit jusqu'au")
	p = c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".status-banner"), "remboursé")
	require.Eventually(t, func() bool { return len(s.env.Stripe.CallsOn(s.account, "/v1/refunds")) == 1 }, 10*time.Second, 50*time.Millisecond,
		"the refund is sent")
	refunds := s.env.Stripe.CallsOn(s.account, "/v1/refunds")
	require.Equal(t, "pi_early_"+s.salon.Slug, refunds[0].Form.Get("payment_intent"))
	require.Equal(t, "1500", refunds[0].Form.Get("amount"))
	home = c.Get(s.portal())
	require.Contains(t, home.Text(".visit-list"), "Annulé")
	require.Equal(t, 1, home.Doc.Find(".visit-list form button").Length(), "a cancelled visit has nothing left to manage")

	// Two hours before the other visit, the free-cancellation window is over.
	s.env.Clock.Set(lateStart.Add(-2 * time.Hour))
	c = s.env.NewClient()
	s.signIn(c, email)
	p = c.Post(s.portal()+"/visits/"+late.String()+"/manage", nil)
	require.Equal(t, 303, p.Status)
	manage = p.Location()
	require.Contains(t, c.Get(manage).Text(".card"), "délai d'annulation gratuite est passé")
	p = c.Post(manage+"/cancel", nil)
	require.Equal(t, 303, p.Status)
	require.Contains(t, c.Follow(p).Text(".status-banner"), "le salon conserve")
	require.Len(t, s.env.Stripe.CallsOn(s.account, "/v1/refunds"), 1, "nothing more is refunded")
}
