package customer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Sheet is a technical sheet (fiche technique): what was used and how, at a
// visit or on a date. Health data: shown only inside the salon.
type Sheet struct {
	ID            uuid.UUID
	CustomerID    uuid.UUID
	AppointmentID *uuid.UUID
	Date          time.Time
	Title         string
	Products      string
	Settings      string
	Reactions     string
	Notes         string
	UpdatedAt     time.Time
}

func sheetFrom(r dbq.TechnicalSheet) Sheet {
	return Sheet{ID: r.ID, CustomerID: r.CustomerID, AppointmentID: r.AppointmentID, Date: r.SheetDate, Title: r.Title,
		Products: r.Products, Settings: r.Settings, Reactions: r.Reactions, Notes: r.Notes, UpdatedAt: r.UpdatedAt}
}

// Sheets lists a client's sheets, newest first.
func (c *Customers) Sheets(ctx context.Context, salonID, customerID uuid.UUID) ([]Sheet, error) {
	var out []Sheet
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.SheetList(ctx, dbq.SheetListParams{TenantID: salonID, CustomerID: customerID})
		for _, r := range rows {
			out = append(out, sheetFrom(r))
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("customer: sheets: %w", err)
	}
	return out, nil
}

// Sheet returns one sheet.
func (c *Customers) Sheet(ctx context.Context, salonID, id uuid.UUID) (Sheet, error) {
	var out Sheet
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.SheetGet(ctx, dbq.SheetGetParams{TenantID: salonID, ID: id})
		out = sheetFrom(r)
		return err
	})
	if err != nil {
		return Sheet{}, fmt.Errorf("customer: sheet: %w", err)
	}
	return out, nil
}

// SheetInput is a technical sheet. Field errors name its fields: date,
// title, products, settings, reactions, notes.
type SheetInput struct {
	Date                                        time.Time // the day the care was given (a date: midnight UTC)
	AppointmentID                               uuid.UUID // the visit it records, uuid.Nil for none
	Title, Products, Settings, Reactions, Notes string
	Today                                       time.Time // the salon's date today: a sheet records what was done, so not after it
}

type sheetValues struct {
	date                                        time.Time
	appointment                                 *uuid.UUID
	title, products, settings, reactions, notes string
}

func (in SheetInput) values() sheetValues {
	v := sheetValues{date: in.Date, title: strings.TrimSpace(in.Title), products: strings.TrimSpace(in.Products), settings: strings.TrimSpace(in.Settings),
		reactions: strings.TrimSpace(in.Reactions), notes: strings.TrimSpace(in.Notes)}
	if in.AppointmentID != uuid.Nil {
		v.appointment = &in.AppointmentID
	}
	return v
}

// Check returns what is wrong with the sheet on its own, before any record is read.
func (in SheetInput) Check() apperr.Fields {
	f := apperr.Fields{}
	v := in.values()
	switch {
	case in.Date.IsZero():
		f.Add("date", "date.invalid")
	case in.Date.After(in.Today):
		f.Add("date", "sheet.date_future")
	case in.Date.Year() < 1900:
		f.Add("date", "date.before_1900")
	}
	if v.title+v.products+v.settings+v.reactions+v.notes == "" {
		f.Add("products", "sheet.empty")
	}
	for name, s := range map[string]string{"title": v.title, "products": v.products, "settings": v.settings, "reactions": v.reactions, "notes": v.notes} {
		if len([]rune(s)) > 5000 {
			f.Add(name, "text.long")
		}
	}
	return f
}

// SaveSheet creates (id Nil) or updates a client's sheet.
func (c *Customers) SaveSheet(ctx context.Context, salonID, customerID, id, actor uuid.UUID, in SheetInput) (uuid.UUID, error) {
	if err := in.Check().Err(); err != nil {
		return uuid.Nil, err
	}
	v := in.values()
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if id == uuid.Nil {
			if _, err := tx.CustomerLockLive(ctx, dbq.CustomerLockLiveParams{TenantID: salonID, ID: customerID}); err != nil {
				return err
			}
			r, err := tx.SheetCreate(ctx, dbq.SheetCreateParams{TenantID: salonID, CustomerID: customerID, AppointmentID: v.appointment,
				SheetDate: v.date, Title: v.title, Products: v.products, Settings: v.settings, Reactions: v.reactions, Notes: v.notes, CreatedBy: &actor})
			id = r.ID
			return linkProblem(err)
		}
		n, err := tx.SheetUpdate(ctx, dbq.SheetUpdateParams{TenantID: salonID, ID: id, AppointmentID: v.appointment, SheetDate: v.date,
			Title: v.title, Products: v.products, Settings: v.settings, Reactions: v.reactions, Notes: v.notes})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return linkProblem(err)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("customer: save sheet: %w", err)
	}
	return id, nil
}

// linkProblem: a client or visit of another salon fails the composite key.
func linkProblem(err error) error {
	if store.IsForeignKeyViolation(err) {
		return apperr.ErrNotFound
	}
	return err
}

// DeleteSheet removes a sheet.
func (c *Customers) DeleteSheet(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.SheetDelete(ctx, dbq.SheetDeleteParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("customer: delete sheet: %w", err)
	}
	return nil
}
