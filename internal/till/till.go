package till

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Till is the salon's till.
type Till struct {
	DB      *store.DB
	Clock   clock.Clock
	Journal *journal.Journal
	// Payments is the salon's Stripe account: the phone payment link and
	// refunds through Stripe (nil Stripe: both are off).
	Payments *payment.Payments
	// BaseURL and Secret make the signed public links of receipts sent to
	// clients (Secret is derived from SECRET_KEY, like unsubscribe links').
	BaseURL string
	Secret  []byte
}

// Settings are what a receipt needs besides its lines.
type Settings struct {
	SalonName string
	Address   string
	SIRET     string
	VATNumber string
	VATExempt bool // franchise en base: "TVA non applicable, art. 293 B du CGI"
	LowStock  int32
}

// SettingsInput is the till's settings as the owner gives them. Field
// errors are keyed by these field names.
type SettingsInput struct {
	SIRET     string
	VATNumber string
	VATExempt bool
	LowStock  int32
}

var siretShape = regexp.MustCompile(`^[0-9]{14}$`)

func (in SettingsInput) parse() (SettingsInput, error) {
	f := apperr.Fields{}
	in.SIRET = strings.ReplaceAll(strings.TrimSpace(in.SIRET), " ", "")
	in.VATNumber = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(in.VATNumber), " ", ""))
	if in.SIRET != "" && !siretShape.MatchString(in.SIRET) {
		f.Add("SIRET", "till.siret.invalid")
	}
	if len(in.VATNumber) > 20 {
		f.Add("VATNumber", "till.vat_number.invalid")
	}
	if in.LowStock < 0 || in.LowStock > 10000 {
		f.Add("LowStock", "till.low_stock.range")
	}
	return in, f.Err()
}

// Settings returns the salon's till settings.
func (t *Till) Settings(ctx context.Context, salonID uuid.UUID) (Settings, error) {
	var out Settings
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = settingsTx(ctx, tx, salonID)
		return err
	})
	if err != nil {
		return Settings{}, fmt.Errorf("till: settings: %w", err)
	}
	return out, nil
}

func settingsTx(ctx context.Context, tx store.Tx, salonID uuid.UUID) (Settings, error) {
	r, err := tx.TillSettingsGet(ctx, salonID)
	return Settings{SalonName: r.SalonName, Address: r.Address, SIRET: r.Siret, VATNumber: r.VatNumber,
		VATExempt: r.VatExempt, LowStock: r.LowStock}, err
}

// SaveSettings records the till's settings.
func (t *Till) SaveSettings(ctx context.Context, salonID uuid.UUID, in SettingsInput) error {
	in, err := in.parse()
	if err != nil {
		return err
	}
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return tx.TillSettingsSave(ctx, dbq.TillSettingsSaveParams{TenantID: salonID, Siret: in.SIRET, VatNumber: in.VATNumber,
			VatExempt: in.VATExempt, LowStock: in.LowStock})
	})
	if err != nil {
		return fmt.Errorf("till: save settings: %w", err)
	}
	return nil
}

// now is the till's clock, to the microsecond Postgres keeps.
func (t *Till) now() time.Time { return t.Clock.Now().Truncate(time.Microsecond) }
