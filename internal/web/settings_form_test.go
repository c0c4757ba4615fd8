package web

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
)

func TestTheSettingsFormGivesTheAreaTypedValuesAndTakesBackItsNames(t *testing.T) {
	t.Parallel()
	in, edge := settingsForm{SlotStep: "30", MinNotice: "1440", MaxHorizonDays: " 60 ", CancellationWindowHours: "48",
		NoShowFee: "15,50", PaymentMode: "deposit", DepositKind: "fixed", DepositValue: "10", Locale: "en",
		BookWithoutPayment: "on"}.input()
	require.Empty(t, edge)
	require.Equal(t, 30*time.Minute, in.SlotStep)
	require.Equal(t, 24*time.Hour, in.MinNotice)
	require.Equal(t, 60, in.MaxHorizonDays)
	require.Equal(t, 48*time.Hour, in.CancellationWindow)
	require.Equal(t, int64(1550), in.NoShowFeeCents)
	require.Equal(t, payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositFixed, DepositValue: 1000}, in.DefaultRule)
	require.True(t, in.BookWithoutPayment)

	in, edge = settingsForm{SlotStep: "quinze", MinNotice: "60", MaxHorizonDays: "60", CancellationWindowHours: "9999999999999",
		PaymentMode: "deposit", DepositValue: "12,5"}.input()
	require.Equal(t, apperr.Fields{"slot_step": "field.choose", "deposit_value": "payment.deposit.percent"}, edge)
	require.Equal(t, "settings.window.range", apperr.FieldsOf(in.Check())["CancellationWindow"],
		"a number too large for a duration is out of range, not wrapped round into one")

	require.Equal(t, apperr.Fields{"cancellation_window_hours": "settings.window.range", "no_show_fee": "amount.max_fee",
		"deposit_value": "payment.deposit.percent", "payment_mode": "field.choose", "sms_sender": "settings.sms_sender.invalid"},
		formErrors(settingsForm{}, apperr.Fields{"CancellationWindow": "settings.window.range", "NoShowFeeCents": "amount.max_fee",
			salon.FieldRuleValue: "payment.deposit.percent", salon.FieldRuleMode: "field.choose", "SMSSender": "settings.sms_sender.invalid"}))
}

func TestTheSpanFormGivesTheAreaDatesAndTakesBackItsNames(t *testing.T) {
	t.Parallel()
	in, edge := spanForm{From: " 2099-08-01 ", Reason: "Travaux"}.input()
	require.Empty(t, edge)
	require.Equal(t, time.Date(2099, time.August, 1, 0, 0, 0, 0, time.UTC), in.From)
	require.True(t, in.To.IsZero(), "no end date: the area takes the first day alone")

	_, edge = spanForm{From: "01/08/2099", To: "demain"}.input()
	require.Equal(t, apperr.Fields{"from": "date.invalid", "to": "date.invalid"}, edge)
	require.Equal(t, apperr.Fields{"from": "closure.past", "to": "date.too_long", "reason": "reason.long"},
		formErrors(spanForm{}, apperr.Fields{"From": "closure.past", "To": "date.too_long", "Reason": "reason.long"}))
}
