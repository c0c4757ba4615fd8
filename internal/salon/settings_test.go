package salon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
)

func validSettingsInput() SettingsInput {
	return SettingsInput{Name: "Institut", TimeZone: "Europe/Paris", Currency: "EUR", Locale: "fr", SlotStep: "15",
		MinNotice: "60", MaxHorizonDays: "60", CancellationWindowHours: "24", PaymentMode: "none",
		CancelRefund: RefundOnCancel, DepositName: DepositAcompte}
}

func TestBookingPolicyFieldsAreParsed(t *testing.T) {
	in := validSettingsInput()
	in.BookWithoutPayment, in.CancelRefund, in.DepositName = true, CreditOnCancel, DepositArrhes
	in.PolicyText = "  Prévenez 48 h avant.\r\nMerci !  "
	_, set, err := in.parse()
	require.NoError(t, err)
	require.True(t, set.BookWithoutPayment)
	require.Equal(t, CreditOnCancel, set.CancelRefund)
	require.Equal(t, DepositArrhes, set.DepositName)
	require.Equal(t, "Prévenez 48 h avant.\nMerci !", set.PolicyText)

	in = validSettingsInput()
	in.CancelRefund, in.DepositName, in.PolicyText = "", "deposit", strings.Repeat("x", MaxPolicyText+1)
	_, _, err = in.parse()
	require.Error(t, err)
	f := apperr.FieldsOf(err)
	require.Equal(t, "field.choose", f["cancel_refund"], "no silent default: the form always sends a choice")
	require.Equal(t, "field.choose", f["deposit_name"])
	require.Equal(t, "settings.policy_text.long", f["policy_text"])
	require.Len(t, f, 3)
}
