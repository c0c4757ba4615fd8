package seed

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

func writeVisits(ctx context.Context, tx store.Tx, s *salon) (int, error) {
	ap := dbq.SeedAppointmentsParams{TenantID: s.id, CreatedBy: &s.ownerID}
	ls := dbq.SeedAppointmentServicesParams{TenantID: s.id}
	for _, v := range s.visits {
		ap.Ids, ap.StaffIds, ap.CustomerIds = append(ap.Ids, v.id), append(ap.StaffIds, s.staff[v.staff].id), append(ap.CustomerIds, s.customers[v.customer].id)
		ap.StartsAt, ap.EndsAt, ap.BusyUntil = append(ap.StartsAt, v.start), append(ap.EndsAt, v.end), append(ap.BusyUntil, v.busy)
		ap.Statuses, ap.Notes, ap.Reminded = append(ap.Statuses, v.status), append(ap.Notes, v.note), append(ap.Reminded, v.reminded)
		ap.CreatedAt, ap.UpdatedAt = append(ap.CreatedAt, v.created), append(ap.UpdatedAt, v.updated)
		for i, l := range v.lines {
			sv := s.services[l.service]
			ls.AppointmentIds, ls.ServiceIds, ls.Positions = append(ls.AppointmentIds, v.id), append(ls.ServiceIds, sv.id), append(ls.Positions, int16(i))
			ls.Names, ls.Durations, ls.Buffers = append(ls.Names, sv.name), append(ls.Durations, int32(sv.minutes)), append(ls.Buffers, int32(sv.buffer))
			ls.Prices, ls.Discounts = append(ls.Prices, l.price), append(ls.Discounts, l.discount)
		}
	}
	if err := tx.SeedAppointments(ctx, ap); err != nil {
		return 0, err
	}
	if err := tx.SeedAppointmentServices(ctx, ls); err != nil {
		return 0, err
	}
	n, err := writeHistory(ctx, tx, s)
	return len(ap.Ids) + len(ls.AppointmentIds) + n, err
}

func writeHistory(ctx context.Context, tx store.Tx, s *salon) (int, error) {
	le := dbq.SeedLedgerParams{TenantID: s.id, Currency: "EUR", CreatedBy: &s.ownerID, CustomerIds: []uuid.UUID{}, Amounts: []int64{},
		Reasons: []string{}, Notes: []string{}, AppointmentIds: []string{}, CreatedAt: []time.Time{}}
	for _, e := range s.ledger {
		ref := ""
		if e.appointment != uuid.Nil {
			ref = e.appointment.String()
		}
		le.CustomerIds, le.Amounts = append(le.CustomerIds, s.customers[e.customer].id), append(le.Amounts, e.amount)
		le.Reasons, le.Notes = append(le.Reasons, e.reason), append(le.Notes, e.note)
		le.AppointmentIds, le.CreatedAt = append(le.AppointmentIds, ref), append(le.CreatedAt, e.at)
	}
	if err := tx.SeedLedger(ctx, le); err != nil {
		return 0, err
	}
	sh := dbq.SeedSheetsParams{TenantID: s.id, CreatedBy: &s.ownerID, CustomerIds: []uuid.UUID{}, AppointmentIds: []uuid.UUID{},
		SheetDates: []time.Time{}, Titles: []string{}, Products: []string{}, Settings: []string{}, Reactions: []string{}, CreatedAt: []time.Time{}}
	for _, x := range s.sheets {
		v := s.visits[x.visit]
		sh.CustomerIds, sh.AppointmentIds = append(sh.CustomerIds, s.customers[x.customer].id), append(sh.AppointmentIds, v.id)
		sh.SheetDates = append(sh.SheetDates, time.Date(v.start.Year(), v.start.Month(), v.start.Day(), 0, 0, 0, 0, time.UTC))
		sh.Titles, sh.Products, sh.Settings = append(sh.Titles, x.title), append(sh.Products, x.products), append(sh.Settings, x.settings)
		sh.Reactions, sh.CreatedAt = append(sh.Reactions, x.reactions), append(sh.CreatedAt, x.at)
	}
	if err := tx.SeedSheets(ctx, sh); err != nil {
		return 0, err
	}
	ms := dbq.SeedMessagesParams{TenantID: s.id, CustomerIds: []uuid.UUID{}, AppointmentIds: []uuid.UUID{}, Channels: []string{},
		Kinds: []string{}, ToAddresses: []string{}, Subjects: []string{}, Bodies: []string{}, CreatedAt: []time.Time{}}
	for _, m := range s.messages {
		ms.CustomerIds, ms.AppointmentIds = append(ms.CustomerIds, s.customers[m.customer].id), append(ms.AppointmentIds, s.visits[m.visit].id)
		ms.Channels, ms.Kinds, ms.ToAddresses = append(ms.Channels, m.channel), append(ms.Kinds, m.kind), append(ms.ToAddresses, m.to)
		ms.Subjects, ms.Bodies, ms.CreatedAt = append(ms.Subjects, m.subject), append(ms.Bodies, m.body), append(ms.CreatedAt, m.at)
	}
	if err := tx.SeedMessages(ctx, ms); err != nil {
		return 0, err
	}
	return len(le.CustomerIds) + len(sh.CustomerIds) + len(ms.CustomerIds), nil
}
