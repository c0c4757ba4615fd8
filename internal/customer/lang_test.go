package customer_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
)

// In a salon that works in English, every client it makes — by the form, from
// the agenda, by an import — is written to in English; the form may say
// otherwise, and an update that does not name a language keeps it.
func TestClientsTheSalonCreatesSpeakItsLanguage(t *testing.T) {
	t.Parallel()
	b := setup(t)
	ctx := context.Background()
	require.NoError(t, b.env.Srv.Salons.UpdateSettings(ctx, b.salon.ID, salon.SettingsInput{Country: "FR", Name: "Institut Données", TimeZone: "Europe/Paris",
		Currency: "EUR", Locale: "en", SlotStep: 15 * time.Minute, MinNotice: 60 * time.Minute, MaxHorizonDays: 60, CancellationWindow: 24 * time.Hour, DefaultRule: payment.Rule{Mode: payment.ModeNone}, CancelRefund: "refund", DepositName: "acompte"}))

	b.client(t, "Emma", "Form", "emma.form@example.com", "")
	french, err := b.customers().Create(ctx, b.salon.ID, customer.RecordInput{FirstName: "Léa", LastName: "Choisie", Lang: "fr",
		PaymentMode: "default", Region: "FR", Today: time.Now()})
	require.NoError(t, err)
	_, err = b.customers().Create(ctx, b.salon.ID, customer.RecordInput{FirstName: "X", LastName: "Y", Lang: "de", Region: "FR", Today: time.Now()})
	require.Equal(t, "field.choose", apperr.FieldsOf(err)["lang"], "only the languages messages exist in")

	day := b.env.Clock.Now().In(b.salon.Location()).AddDate(0, 1, 0)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, b.salon.Location())
	appt, err := b.env.Srv.Agenda.Create(ctx, b.salon, b.owner, agenda.Input{StaffID: b.staff, Start: start,
		ServiceIDs: []uuid.UUID{b.service}, OutsideHours: true, Customer: customer.QuickInput{FirstName: "Ann", LastName: "Agenda", Phone: "0611223344", Region: "FR"}})
	require.NoError(t, err)
	a, err := b.env.Srv.Agenda.Get(ctx, b.salon, appt)
	require.NoError(t, err)

	rep, err := b.customers().Import(ctx, b.salon.ID, importInput(t, b, "Prénom,Nom\nIan,Import\n"))
	require.NoError(t, err)
	require.Equal(t, 1, rep.Imported)

	langOf := func(last string) string {
		var l string
		require.NoError(t, b.env.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
			return tx.Raw().QueryRow(ctx, `SELECT lang FROM customers WHERE tenant_id = $1 AND last_name = $2`, b.salon.ID, last).Scan(&l)
		}))
		return l
	}
	require.Equal(t, "en", langOf("Form"))
	require.Equal(t, "en", langOf("Agenda"))
	require.Equal(t, "en", langOf("Import"))
	require.Equal(t, "fr", langOf("Choisie"))
	rec, err := b.customers().Get(ctx, b.salon.ID, a.Customer.ID)
	require.NoError(t, err)
	require.Equal(t, "en", rec.Lang)

	require.NoError(t, b.customers().Update(ctx, b.salon.ID, french, customer.RecordInput{FirstName: "Léa", LastName: "Choisie",
		PaymentMode: "default", Region: "FR", Today: time.Now()}))
	require.Equal(t, "fr", langOf("Choisie"), "an update that names no language keeps the record's")
}
