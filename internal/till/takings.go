package till

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Takings are a day's figures: what the tickets closed that day brought in,
// credit notes counted negative, split by method, staff member and item,
// and each register day's cash expected against counted.
type Takings struct {
	Day         time.Time // midnight in the salon's zone
	Register    uuid.UUID // the one register counted; Nil: all of them
	Sales       int64     // receipts closed
	CreditNotes int64
	TotalCents  int64 // including VAT, after every discount
	ByMethod    []MethodTotal
	ByStaff     []StaffTotal
	Services    []ItemTotal
	Products    []ItemTotal
	Free        []ItemTotal // lines typed by hand
	Registers   []RegisterDayCash
}

// MethodTotal is what one payment method brought in.
type MethodTotal struct {
	Method string
	Cents  int64
}

// StaffTotal is what one staff member's lines brought in; StaffID is Nil
// for lines nobody was named on.
type StaffTotal struct {
	StaffID uuid.UUID
	Name    string
	Cents   int64
}

// ItemTotal is one service or product: quantity sold and what was paid.
type ItemTotal struct {
	ID       uuid.UUID
	Label    string
	Quantity int64
	Cents    int64
}

// RegisterDayCash is a register's day: the float, the cash expected (float
// plus cash in, less cash paid out) and, once closed, what was counted.
type RegisterDayCash struct {
	RegisterID    uuid.UUID
	Name          string
	OpenedAt      time.Time
	Closed        bool
	FloatCents    int64
	ExpectedCents int64
	CountedCents  int64 // meaningful once Closed
}

// Difference is counted minus expected: negative when cash is missing.
func (d RegisterDayCash) Difference() int64 { return d.CountedCents - d.ExpectedCents }

// Takings returns the figures of the civil day holding day in loc, of one
// register or (register Nil) all of them.
func (t *Till) Takings(ctx context.Context, salonID uuid.UUID, day time.Time, loc *time.Location, register uuid.UUID) (Takings, error) {
	d := day.In(loc)
	since := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	until := since.AddDate(0, 0, 1) // a DST day lasts 23 or 25 hours
	out := Takings{Day: since, Register: register}
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		return takingsTx(ctx, tx, salonID, since, until, ptr(register), &out)
	})
	if err != nil {
		return Takings{}, fmt.Errorf("till: takings: %w", err)
	}
	return out, nil
}

func takingsTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, since, until time.Time, reg *uuid.UUID, out *Takings) error {
	tickets, err := tx.TakingsTickets(ctx, dbq.TakingsTicketsParams{TenantID: salonID, Since: &since, Until: &until, RegisterID: reg})
	if err != nil {
		return err
	}
	out.Sales, out.CreditNotes, out.TotalCents = tickets.Sales, tickets.CreditNotes, tickets.InclCents
	methods, err := tx.TakingsByMethod(ctx, dbq.TakingsByMethodParams{TenantID: salonID, Since: &since, Until: &until, RegisterID: reg})
	if err != nil {
		return err
	}
	for _, m := range methods {
		out.ByMethod = append(out.ByMethod, MethodTotal{Method: m.Method, Cents: m.Cents})
	}
	staff, err := tx.TakingsByStaff(ctx, dbq.TakingsByStaffParams{TenantID: salonID, Since: &since, Until: &until, RegisterID: reg})
	if err != nil {
		return err
	}
	for _, s := range staff {
		out.ByStaff = append(out.ByStaff, StaffTotal{StaffID: deref(s.StaffID), Name: s.Name, Cents: s.Cents})
	}
	items, err := tx.TakingsByItem(ctx, dbq.TakingsByItemParams{TenantID: salonID, Since: &since, Until: &until, RegisterID: reg})
	if err != nil {
		return err
	}
	for _, it := range items {
		row := ItemTotal{ID: deref(it.ItemID), Label: it.Label, Quantity: it.Quantity, Cents: it.Cents}
		switch it.Kind {
		case LineService:
			out.Services = append(out.Services, row)
		case LineProduct:
			out.Products = append(out.Products, row)
		default:
			out.Free = append(out.Free, row)
		}
	}
	return registerDaysTx(ctx, tx, salonID, since, until, reg, out)
}

func registerDaysTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, since, until time.Time, reg *uuid.UUID, out *Takings) error {
	days, err := tx.TakingsRegisterDays(ctx, dbq.TakingsRegisterDaysParams{TenantID: salonID, Since: since, Until: until, RegisterID: reg})
	if err != nil {
		return err
	}
	for _, d := range days {
		r := RegisterDayCash{RegisterID: d.RegisterID, Name: d.Name, OpenedAt: d.OpenedAt, Closed: d.ClosedAt != nil,
			FloatCents: d.FloatCents, ExpectedCents: d.FloatCents + d.CashCents}
		// A closed day keeps what its closing found, as the journal signed it.
		if d.ExpectedCents != nil {
			r.ExpectedCents = *d.ExpectedCents
		}
		if d.CountedCents != nil {
			r.CountedCents = *d.CountedCents
		}
		out.Registers = append(out.Registers, r)
	}
	return nil
}

// TopProducts are the three products a client bought most at the till
// (closed receipts, less what credit notes gave back), for the client record.
func (t *Till) TopProducts(ctx context.Context, salonID, customerID uuid.UUID) ([]ItemTotal, error) {
	var out []ItemTotal
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.TillTopProducts(ctx, dbq.TillTopProductsParams{TenantID: salonID, CustomerID: &customerID})
		for _, r := range rows {
			out = append(out, ItemTotal{ID: r.ProductID, Label: r.Name, Quantity: r.Quantity, Cents: r.Cents})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("till: top products: %w", err)
	}
	return out, nil
}
