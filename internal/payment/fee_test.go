package payment_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// Not parallel: the fee is one row for the whole platform (see the web test).
func TestSetFeeParsesPercentAndAmountAndAuditsTheChange(t *testing.T) {
	env := testkit.NewAreas(t)
	p := env.Srv.Payments
	t.Cleanup(func() { _ = p.SetFee(t.Context(), payment.Actor{}, "0", "0") })
	require.NoError(t, p.SetFee(t.Context(), payment.Actor{}, "0", "0"))

	for _, c := range []struct{ percent, fixed, field string }{
		{"50,01", "0", "fee_percent"}, {"-1", "0", "fee_percent"}, {"1,555", "0", "fee_percent"}, {"un", "0", "fee_percent"},
		{"1", "100,01", "fee_fixed"}, {"1", "-0,30", "fee_fixed"}, {"1", "0,305", "fee_fixed"},
	} {
		err := p.SetFee(t.Context(), payment.Actor{}, c.percent, c.fixed)
		require.True(t, apperr.Is(err, apperr.Invalid), "%s / %s", c.percent, c.fixed)
		require.Len(t, apperr.FieldsOf(err), 1, "%s / %s", c.percent, c.fixed)
		require.Contains(t, apperr.FieldsOf(err), c.field, "%s / %s", c.percent, c.fixed)
	}

	for _, c := range []struct {
		percent, fixed string
		want           payment.PlatformFee
	}{
		{"1,5", "0,30", payment.PlatformFee{PercentBP: 150, FixedCents: 30}},
		{"2.25 %", "", payment.PlatformFee{PercentBP: 225, FixedCents: 0}},
		{"", "1", payment.PlatformFee{PercentBP: 0, FixedCents: 100}},
		{"50", "100,00", payment.PlatformFee{PercentBP: 5000, FixedCents: 10000}},
	} {
		require.NoError(t, p.SetFee(t.Context(), payment.Actor{}, c.percent, c.fixed))
		got, err := p.Fee(t.Context())
		require.NoError(t, err)
		require.Equal(t, c.want, got, "%s / %s", c.percent, c.fixed)
	}

	adminEmail := env.NewAdmin()
	mine := admin.AuditQuery{Admin: adminEmail}
	log, err := env.Srv.Admin.Audit(t.Context(), mine)
	require.NoError(t, err)
	before := len(log.Entries)
	ip := "203.0.113.9"
	actor := payment.Actor{UserID: uuid.Nil, Email: adminEmail, IP: ip}
	require.NoError(t, p.SetFee(t.Context(), actor, "1", "0,25"))
	require.NoError(t, p.SetFee(t.Context(), actor, "1,00", "0.25"), "the same fee again")
	log, err = env.Srv.Admin.Audit(t.Context(), mine)
	require.NoError(t, err)
	require.Len(t, log.Entries, before+1, "one entry: the repeat changed nothing")
	e := log.Entries[0]
	require.Equal(t, "platform.fee", e.Action)
	require.Equal(t, adminEmail, e.ActorEmail)
	require.Equal(t, ip, e.IP)
	require.Nil(t, e.SalonID)
	require.Equal(t, map[string]string{"percent_bp_before": "5000", "fixed_cents_before": "10000", "percent_bp": "100",
		"fixed_cents": "25"}, e.Detail)
}

func TestPlatformFeeOnAnAmount(t *testing.T) {
	f := payment.PlatformFee{PercentBP: 150, FixedCents: 30}
	require.Equal(t, int64(105), f.On(5000))
	require.Equal(t, int64(0), f.On(0))
	require.Equal(t, int64(20), f.On(20), "never more than the payment")
	require.True(t, payment.PlatformFee{}.IsZero())
}
