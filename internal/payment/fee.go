package payment

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// PlatformFee is the platform's application fee on each online payment: a
// percentage in basis points (150 = 1,5 %) plus a fixed amount in cents of
// the payment's currency.
type PlatformFee struct {
	PercentBP  int32
	FixedCents int64
}

// IsZero reports whether the platform takes nothing.
func (f PlatformFee) IsZero() bool { return f.PercentBP == 0 && f.FixedCents == 0 }

// On is the fee on a payment of the given amount.
func (f PlatformFee) On(amountCents int64) int64 { return Fee(amountCents, f.PercentBP, f.FixedCents) }

// Limits of the fee form.
const (
	MaxFeePercentBP  = 5000  // 50 %, as the table allows
	MaxFeeFixedCents = 10000 // 100,00: beyond, surely a typo for cents
)

// Actor is the platform admin changing the fee, as the audit log records
// them. It mirrors admin.Actor (which converts to it): payment cannot import
// admin, since admin reaches payment through salon.
type Actor struct {
	UserID uuid.UUID
	Email  string
	IP     string
}

// Fee returns the platform's current fee.
func (p *Payments) Fee(ctx context.Context) (PlatformFee, error) {
	var f PlatformFee
	err := p.DB.Unscoped(ctx, func(tx store.Tx) error {
		row, err := tx.PlatformFeeGet(ctx)
		f = PlatformFee{PercentBP: row.FeePercentBp, FixedCents: row.FeeFixedCents}
		return err
	})
	if err != nil {
		return PlatformFee{}, fmt.Errorf("payment: platform fee: %w", err)
	}
	return f, nil
}

// SetFee checks and saves the fee form — percent such as "1,5" (0 to 50, two
// decimals at most), fixed such as "0,30"; blank means zero — and writes the
// change to the audit log in the same transaction.
func (p *Payments) SetFee(ctx context.Context, actor Actor, percent, fixed string) error {
	f := apperr.Fields{}
	fee := PlatformFee{PercentBP: int32(parseBounded(f, "fee_percent", strings.TrimSuffix(strings.TrimSpace(percent), "%"),
		MaxFeePercentBP, "admin.fee.percent.invalid")),
		FixedCents: parseBounded(f, "fee_fixed", fixed, MaxFeeFixedCents, "admin.fee.fixed.invalid")}
	if err := f.Err(); err != nil {
		return err
	}
	var by *uuid.UUID // nobody in particular (a script), rather than a user that does not exist
	if actor.UserID != uuid.Nil {
		by = &actor.UserID
	}
	err := p.DB.Unscoped(ctx, func(tx store.Tx) error {
		row, err := tx.PlatformFeeGet(ctx)
		if err != nil {
			return err
		}
		before := PlatformFee{PercentBP: row.FeePercentBp, FixedCents: row.FeeFixedCents}
		if before == fee {
			return nil // saving the same fee again changes nothing and is not logged twice
		}
		if err := tx.PlatformFeeSet(ctx, dbq.PlatformFeeSetParams{FeePercentBp: fee.PercentBP, FeeFixedCents: fee.FixedCents,
			UpdatedBy: by}); err != nil {
			return err
		}
		// Strings only: the audit page reads details as text.
		detail, _ := json.Marshal(map[string]string{
			"percent_bp_before": strconv.Itoa(int(before.PercentBP)), "fixed_cents_before": strconv.FormatInt(before.FixedCents, 10),
			"percent_bp": strconv.Itoa(int(fee.PercentBP)), "fixed_cents": strconv.FormatInt(fee.FixedCents, 10)})
		return tx.AuditInsert(ctx, dbq.AuditInsertParams{ActorUserID: by, ActorEmail: actor.Email,
			Action: "platform.fee", Detail: detail, Ip: actor.IP})
	})
	if err != nil {
		return fmt.Errorf("payment: set platform fee: %w", err)
	}
	return nil
}

// parseBounded reads a decimal with at most two decimals as hundredths ("1,5"
// is 150: basis points for a percentage, cents for an amount), between 0 and
// limit. Blank is 0.
func parseBounded(f apperr.Fields, field, raw string, limit int64, problem string) int64 {
	if strings.TrimSpace(raw) == "" {
		return 0
	}
	n, err := money.ParseCents(raw)
	if err != nil || n < 0 || n > limit {
		f.Add(field, problem)
		return 0
	}
	return n
}
