package web_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	adminarea "github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/testkit"
	"github.com/carnet-salon/carnet/views/ui"
)

// Not parallel on purpose: the platform fee is one row that every salon's
// payments read. Run alone (Go runs sequential tests before parallel ones)
// and put back afterwards, it never changes under another test.
func TestPlatformAdminSetsTheFeeWhichIsCheckedShownAndAudited(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{Stripe: true, NoWorkers: true})
	before, err := env.Srv.Payments.Fee(t.Context())
	require.NoError(t, err)
	t.Cleanup(func() {
		require.NoError(t, env.Srv.Payments.SetFee(context.Background(), payment.Actor{},
			ui.PercentPlain(i18n.FR, before.PercentBP), money.New(before.FixedCents, "").Plain(i18n.FR)))
	})
	adminEmail := env.NewAdmin()
	admin := env.Login(adminEmail)

	page := admin.Get("/admin/platform")
	require.Equal(t, 200, page.Status)
	require.Equal(t, "/admin/platform", page.Doc.Find("header nav a[aria-current=page]").AttrOr("href", ""))

	p := admin.Post("/admin/platform", url.Values{"fee_percent": {"75"}, "fee_fixed": {"0,3O"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("fee_percent"), "de 0 à 50")
	require.Contains(t, p.FieldError("fee_fixed"), "montant")
	require.Equal(t, "75", p.Value("#fee_percent"), "the form comes back as typed")
	require.Equal(t, "0,3O", p.Value("#fee_fixed"))
	p = admin.Post("/admin/platform", url.Values{"fee_percent": {"1,555"}, "fee_fixed": {"-1"}})
	require.Equal(t, 422, p.Status)
	require.NotEmpty(t, p.FieldError("fee_percent"), "three decimals")
	require.NotEmpty(t, p.FieldError("fee_fixed"), "negative")
	fee, err := env.Srv.Payments.Fee(t.Context())
	require.NoError(t, err)
	require.Equal(t, before, fee, "nothing saved")

	p = admin.Post("/admin/platform", url.Values{"fee_percent": {"1,5 %"}, "fee_fixed": {"0,30"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	page = admin.Follow(p)
	require.Contains(t, page.Text(".alert.ok"), "Frais de la plateforme enregistrés")
	require.Equal(t, "1,5", page.Value("#fee_percent"))
	require.Equal(t, "0,30", page.Value("#fee_fixed"))
	require.Contains(t, page.Text("#fee-label"), "1,5\u00a0% + 0,30 par paiement")
	require.Contains(t, page.Text("#fee-current"), "1,05\u00a0€", "1,5 % of 50 € is 0,75, plus 0,30")
	fee, err = env.Srv.Payments.Fee(t.Context())
	require.NoError(t, err)
	require.Equal(t, payment.PlatformFee{PercentBP: 150, FixedCents: 30}, fee)
	require.Equal(t, int64(105), fee.On(5000))

	// Saving the same fee again is not a change.
	require.Equal(t, 303, admin.Post("/admin/platform", url.Values{"fee_percent": {"1.50"}, "fee_fixed": {"0.3"}}).Status)
	log, err := env.Srv.Admin.Audit(t.Context(), adminarea.AuditQuery{Admin: adminEmail, Action: "platform.fee"})
	require.NoError(t, err)
	n := 0
	for _, e := range log.Entries {
		if e.Action == "platform.fee" && e.ActorEmail == adminEmail {
			n++
			require.Nil(t, e.SalonID, "a platform setting, no salon")
			require.Equal(t, "150", e.Detail["percent_bp"])
			require.Equal(t, "30", e.Detail["fixed_cents"])
			require.Equal(t, strconv.Itoa(int(before.PercentBP)), e.Detail["percent_bp_before"])
		}
	}
	require.Equal(t, 1, n)
	audit := admin.Get("/admin/audit").Text(".audit")
	require.Contains(t, audit, "Frais de la plateforme modifiés")
	require.Contains(t, audit, ui.FeeLabel(i18n.FR, before.PercentBP, before.FixedCents, "")+" → 1,5\u00a0% + 0,30")

	// Salons see it on their payments page, in their currency.
	s := env.NewSalon("Institut Frais")
	require.Contains(t, env.Login(s.OwnerEmail).Get("/app/stripe").Text("#stripe-fee"), "1,5\u00a0% + 0,30\u00a0€ par paiement")
}

func TestThePlatformPageIsNotFoundForAnyoneButAdmins(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Curieux des frais")
	before, err := env.Srv.Payments.Fee(t.Context())
	require.NoError(t, err)
	for _, c := range []*testkit.Client{env.NewClient(), env.Login(s.OwnerEmail)} {
		require.Equal(t, 404, c.Get("/admin/platform").Status)
		require.Equal(t, 404, c.Post("/admin/platform", url.Values{"fee_percent": {"50"}, "fee_fixed": {"100"}}).Status)
	}
	fee, err := env.Srv.Payments.Fee(t.Context())
	require.NoError(t, err)
	require.Equal(t, before, fee)
}
