package till

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Register is a till with its own receipt numbers, and its open day if any.
type Register struct {
	ID         uuid.UUID
	Name       string
	NextNumber int64
	DayID      uuid.UUID // uuid.Nil: the register is closed for the day
	OpenedAt   time.Time
	FloatCents int64
}

// Open reports whether the register's day is open: sales need it.
func (r Register) Open() bool { return r.DayID != uuid.Nil }

// Registers lists the salon's registers.
func (t *Till) Registers(ctx context.Context, salonID uuid.UUID) ([]Register, error) {
	var out []Register
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.RegisterList(ctx, salonID)
		for _, r := range rows {
			reg := Register{ID: r.ID, Name: r.Name, NextNumber: r.NextNumber}
			if r.DayID != nil {
				reg.DayID, reg.OpenedAt, reg.FloatCents = *r.DayID, *r.OpenedAt, *r.FloatCents
			}
			out = append(out, reg)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: registers: %w", err)
	}
	return out, nil
}

func checkName(name string) (string, error) {
	name = strings.TrimSpace(name)
	f := apperr.Fields{}
	if name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(name)) > 60 {
		f.Add("Name", "till.register.name_long")
	}
	return name, f.Err()
}

// CreateRegister adds a register, numbered from 1.
func (t *Till) CreateRegister(ctx context.Context, salonID uuid.UUID, name string) (uuid.UUID, error) {
	name, err := checkName(name)
	if err != nil {
		return uuid.Nil, err
	}
	var id uuid.UUID
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		id, err = tx.RegisterCreate(ctx, dbq.RegisterCreateParams{TenantID: salonID, Name: name})
		return err
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("till: create register: %w", err)
	}
	return id, nil
}

// RenameRegister renames a register; its numbers go on.
func (t *Till) RenameRegister(ctx context.Context, salonID, id uuid.UUID, name string) error {
	name, err := checkName(name)
	if err != nil {
		return err
	}
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.RegisterRename(ctx, dbq.RegisterRenameParams{TenantID: salonID, ID: id, Name: name})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("till: rename register: %w", err)
	}
	return nil
}

// OpenDay opens a register's day with the cash float in the drawer.
func (t *Till) OpenDay(ctx context.Context, salonID, registerID, actor uuid.UUID, floatCents int64) error {
	if floatCents < 0 || floatCents > money.Entry.Max {
		return apperr.Fields{"FloatCents": "amount.invalid"}.Err()
	}
	at := t.now()
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if _, err := tx.RegisterDayCurrent(ctx, dbq.RegisterDayCurrentParams{TenantID: salonID, RegisterID: registerID}); err == nil {
			return apperr.New(apperr.Conflict, "till.day.already_open")
		} else if !store.IsNotFound(err) {
			return err
		}
		day, err := tx.RegisterDayOpen(ctx, dbq.RegisterDayOpenParams{TenantID: salonID, RegisterID: registerID, OpenedAt: at,
			OpenedBy: &actor, FloatCents: floatCents})
		if err != nil {
			return err
		}
		return t.event(ctx, tx, salonID, registerID, "register_opened", map[string]string{
			"day": day.String(), "user": actor.String(), "float_cents": strconv.FormatInt(floatCents, 10)})
	})
	if err != nil {
		return fmt.Errorf("till: open day: %w", err)
	}
	return nil
}

// DayClosing is what a day's closing found in the drawer.
type DayClosing struct {
	ExpectedCents int64 // float plus the day's cash takings
	CountedCents  int64
}

// Difference is counted minus expected: negative when cash is missing.
func (d DayClosing) Difference() int64 { return d.CountedCents - d.ExpectedCents }

// CloseDay closes a register's day with the cash counted in the drawer.
func (t *Till) CloseDay(ctx context.Context, salonID, registerID, actor uuid.UUID, countedCents int64) (DayClosing, error) {
	if countedCents < 0 || countedCents > money.Entry.Max {
		return DayClosing{}, apperr.Fields{"CountedCents": "amount.invalid"}.Err()
	}
	at := t.now()
	out := DayClosing{CountedCents: countedCents}
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		// Locked for the closing: a ticket closing on the register (which
		// shares the lock) ends first and counts, or waits and is refused.
		day, err := tx.RegisterDayLock(ctx, dbq.RegisterDayLockParams{TenantID: salonID, RegisterID: registerID})
		if err != nil {
			return err
		}
		cash, err := tx.RegisterDayCash(ctx, dbq.RegisterDayCashParams{TenantID: salonID, DayID: day.ID})
		if err != nil {
			return err
		}
		out.ExpectedCents = day.FloatCents + cash
		n, err := tx.RegisterDayClose(ctx, dbq.RegisterDayCloseParams{TenantID: salonID, ID: day.ID, ClosedAt: &at, ClosedBy: &actor,
			CountedCents: &countedCents, ExpectedCents: &out.ExpectedCents})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		if err != nil {
			return err
		}
		return t.event(ctx, tx, salonID, registerID, "register_closed", map[string]string{"day": day.ID.String(),
			"user": actor.String(), "expected_cents": strconv.FormatInt(out.ExpectedCents, 10),
			"counted_cents": strconv.FormatInt(countedCents, 10)})
	})
	if err != nil {
		return DayClosing{}, fmt.Errorf("till: close day: %w", err)
	}
	return out, nil
}

// event appends a technical event; the journal gives its time.
func (t *Till) event(ctx context.Context, tx store.Tx, salonID, registerID uuid.UUID, name string, detail map[string]string) error {
	_, err := t.Journal.Append(ctx, tx, journal.Entry{TenantID: salonID, RegisterID: registerID, Kind: journal.KindEvent,
		Event: &journal.Event{Name: name, Detail: detail}})
	return err
}
