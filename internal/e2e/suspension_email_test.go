package e2e

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestTheSuspensionEmailReadsOnAPhone opens the email's HTML part at 390 px:
// the reason (here with a pasted link, one long word) and the contact stay
// on screen, nothing scrolls sideways.
func TestTheSuspensionEmailReadsOnAPhone(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t)
	s := env.NewSalon("Salon Téléphone")
	reason := "Facture impayée : https://carnet.example.com/factures/" + strings.Repeat("0123456789", 8)
	require.NoError(t, env.Srv.Admin.Suspend(t.Context(), admin.Actor{UserID: s.OwnerID, Email: "ops@carnet.test"}, s.ID, reason))
	m := env.Mail.WaitSubject(t, s.OwnerEmail, "suspendu")

	ctx := testkit.Browser(t, testkit.PhoneWidth, testkit.PhoneHeight)
	testkit.Step(t, ctx, chromedp.Navigate("data:text/html;charset=utf-8,"+url.PathEscape(m.HTML)))
	overflow := testkit.Read(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	require.Zero(t, overflow, "the email scrolls sideways at 390 px")
	require.Contains(t, testkit.Read(t, ctx, chromedp.Text(chromedp.CSS("body"))), "support@127.0.0.1")
	width := testkit.Read(t, ctx, chromedp.Evaluate[int](`Math.ceil(document.querySelector('a[href^="mailto:"]').getBoundingClientRect().right)`))
	require.LessOrEqual(t, width, testkit.PhoneWidth, "the button to write to the platform is on screen")
	testkit.Screenshot(t, ctx, "suspension-email-390")
}
