package salon

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
)

func validSettingsInput() SettingsInput {
	return SettingsInput{Country: "FR", Name: "Institut", TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", SlotStep: 15 * time.Minute,
		MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone},
		CancelRefund: RefundOnCancel, DepositName: DepositAcompte}
}

func TestBookingPolicyFieldsAreChecked(t *testing.T) {
	t.Parallel()
	in := validSettingsInput()
	in.BookWithoutPayment, in.CancelRefund, in.DepositName = true, CreditOnCancel, DepositArrhes
	in.PolicyText = "  Prévenez 48 h avant.\r\nMerci !  "
	_, set, err := in.values()
	require.NoError(t, err)
	require.True(t, set.BookWithoutPayment)
	require.Equal(t, CreditOnCancel, set.CancelRefund)
	require.Equal(t, DepositArrhes, set.DepositName)
	require.Equal(t, "Prévenez 48 h avant.\nMerci !", set.PolicyText)

	in = validSettingsInput()
	in.CancelRefund, in.DepositName, in.PolicyText = "", "deposit", strings.Repeat("x", MaxPolicyText+1)
	_, _, err = in.values()
	require.Error(t, err)
	f := apperr.FieldsOf(err)
	require.Equal(t, "field.choose", f["CancelRefund"], "no silent default: the form always sends a choice")
	require.Equal(t, "field.choose", f["DepositName"])
	require.Equal(t, "settings.policy_text.long", f["PolicyText"])
	require.Len(t, f, 3)
}

func TestSettingsInputHoldsTypedValuesToTheSameRules(t *testing.T) {
	t.Parallel()
	in := validSettingsInput()
	in.SlotStep, in.MinNotice = 7*time.Minute, 90*time.Second
	in.MaxHorizonDays, in.CancellationWindow = 731, 90*time.Minute
	in.NoShowFeeCents = 200_001
	in.Locale = "de"
	in.DefaultRule = payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositPercent, DepositValue: 150}
	require.Equal(t, apperr.Fields{"SlotStep": "field.choose", "MinNotice": "field.choose", "MaxHorizonDays": "settings.horizon.range",
		"CancellationWindow": "settings.window.range", "NoShowFeeCents": "amount.max_fee", "Locale": "field.choose",
		FieldRuleValue: "payment.deposit.percent"}, apperr.FieldsOf(in.Check()))

	in.DefaultRule = payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositFixed, DepositValue: 200_001}
	require.Equal(t, "amount.max_fee", apperr.FieldsOf(in.Check())[FieldRuleValue], "a fixed deposit is held to the fee's bound")
	in.DefaultRule = payment.Rule{Mode: "cash"}
	require.Equal(t, "field.choose", apperr.FieldsOf(in.Check())[FieldRuleMode])

	in = validSettingsInput()
	in.SlotStep, in.MinNotice, in.MaxHorizonDays, in.CancellationWindow = time.Hour, 48*time.Hour, 730, 720*time.Hour
	in.NoShowFeeCents, in.Locale = 200_000, "en"
	in.DefaultRule = payment.Rule{Mode: payment.ModePrepayment, DepositValue: 30}
	_, set, err := in.values()
	require.NoError(t, err)
	require.Equal(t, payment.Rule{Mode: payment.ModePrepayment, DepositKind: payment.DepositPercent}, set.DefaultRule,
		"kept as the form keeps it: a kind named, no amount but for a deposit")
	require.Equal(t, 720*time.Hour, set.CancellationWindow)
	require.Equal(t, int64(200_000), set.NoShowFeeCents)
}
