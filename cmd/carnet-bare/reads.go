package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
)

var errNotFound = errors.New("not found")

type salon struct {
	id, slug, name, zone string
	loc                  *time.Location
	step, notice         int // minutes
}

type service struct {
	id, category, name string
	minutes, buffer    int
	priceCents         int64
	staff              []string // names of the active staff who do it
	staffIDs           []string
}

type span struct{ start, end time.Time }

// world is what one salon's page (and, with busy, its times) is made of.
type world struct {
	salon    salon
	cats     []string
	catNames map[string]string
	services []service
	hours    map[int][2]pgtype.Time // weekday → opens, closes
	staffHrs map[string]map[int][2]pgtype.Time
	busy     map[string][]span // staff id → appointments
	closed   bool              // a closure or absence of everyone that day
}

type handlers struct{ pool *pgxpool.Pool }

// salonBySlug is the lookup both servers make before anything else.
func (h handlers) salonBySlug(ctx context.Context, slug string) (salon, error) {
	var s salon
	err := h.pool.QueryRow(ctx, `SELECT id::text, slug, name, time_zone FROM tenants WHERE slug = $1 AND status = 'active'`, slug).
		Scan(&s.id, &s.slug, &s.name, &s.zone)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, errNotFound
	}
	if err != nil {
		return s, fmt.Errorf("salon by slug: %w", err)
	}
	if s.loc, err = time.LoadLocation(s.zone); err != nil {
		return s, fmt.Errorf("salon zone: %w", err)
	}
	return s, nil
}

// read sends the salon's reads in one round trip, in a read-only transaction
// that sets the tenant for row-level security, as Carnet's store.Batch does.
// With day set, it also reads that day's appointments, absences and closures.
func (h handlers) read(ctx context.Context, s salon, day *span) (world, error) {
	w := world{salon: s, catNames: map[string]string{}, hours: map[int][2]pgtype.Time{},
		staffHrs: map[string]map[int][2]pgtype.Time{}, busy: map[string][]span{}}
	b := &pgx.Batch{}
	b.Queue(`BEGIN READ ONLY`)
	b.Queue(`SELECT set_config('app.tenant_id', $1, true)`, s.id)
	b.Queue(`SELECT slot_step_minutes, min_notice_minutes FROM salon_settings WHERE tenant_id = $1`, s.id).QueryRow(func(r pgx.Row) error {
		return r.Scan(&w.salon.step, &w.salon.notice)
	})
	b.Queue(`SELECT weekday, opens, closes FROM opening_hours WHERE tenant_id = $1`, s.id).Query(func(rows pgx.Rows) error {
		var d int16
		var o, c pgtype.Time
		_, err := pgx.ForEachRow(rows, []any{&d, &o, &c}, func() error { w.hours[int(d)] = [2]pgtype.Time{o, c}; return nil })
		return err
	})
	b.Queue(`SELECT id::text, name FROM service_categories WHERE tenant_id = $1 ORDER BY position, name`, s.id).Query(func(rows pgx.Rows) error {
		var id, name string
		_, err := pgx.ForEachRow(rows, []any{&id, &name}, func() error { w.cats = append(w.cats, id); w.catNames[id] = name; return nil })
		return err
	})
	b.Queue(`SELECT s.id::text, coalesce(s.category_id::text, ''), s.name, s.duration_minutes, s.buffer_minutes, s.price_cents,
		coalesce(array_agg(m.name ORDER BY m.position) FILTER (WHERE m.id IS NOT NULL), '{}'),
		coalesce(array_agg(m.id::text ORDER BY m.position) FILTER (WHERE m.id IS NOT NULL), '{}')
		FROM services s
		LEFT JOIN staff_services ss ON ss.tenant_id = s.tenant_id AND ss.service_id = s.id
		LEFT JOIN staff_members m ON m.tenant_id = ss.tenant_id AND m.id = ss.staff_id AND m.active
		WHERE s.tenant_id = $1 AND s.archived_at IS NULL AND s.online_bookable
		GROUP BY s.id ORDER BY s.position, s.name`, s.id).Query(func(rows pgx.Rows) error {
		var v service
		_, err := pgx.ForEachRow(rows, []any{&v.id, &v.category, &v.name, &v.minutes, &v.buffer, &v.priceCents, &v.staff, &v.staffIDs},
			func() error { w.services = append(w.services, v); return nil })
		return err
	})
	if day != nil {
		h.queueDay(b, &w, day)
	}
	b.Queue(`COMMIT`)
	if err := h.pool.SendBatch(ctx, b).Close(); err != nil {
		return w, fmt.Errorf("salon reads: %w", err)
	}
	return w, nil
}

func (h handlers) queueDay(b *pgx.Batch, w *world, day *span) {
	id, date := w.salon.id, day.start.Format(time.DateOnly)
	b.Queue(`SELECT staff_id::text, weekday, starts, ends FROM staff_hours WHERE tenant_id = $1`, id).Query(func(rows pgx.Rows) error {
		var sid string
		var d int16
		var st, en pgtype.Time
		_, err := pgx.ForEachRow(rows, []any{&sid, &d, &st, &en}, func() error {
			if w.staffHrs[sid] == nil {
				w.staffHrs[sid] = map[int][2]pgtype.Time{}
			}
			w.staffHrs[sid][int(d)] = [2]pgtype.Time{st, en}
			return nil
		})
		return err
	})
	b.Queue(`SELECT staff_id::text, starts_at, busy_until FROM appointments
		WHERE tenant_id = $1 AND starts_at < $3 AND busy_until > $2 AND status <> 'cancelled'`, id, day.start, day.end).Query(func(rows pgx.Rows) error {
		var sid string
		var sp span
		_, err := pgx.ForEachRow(rows, []any{&sid, &sp.start, &sp.end}, func() error { w.busy[sid] = append(w.busy[sid], sp); return nil })
		return err
	})
	b.Queue(`SELECT EXISTS (SELECT 1 FROM closures WHERE tenant_id = $1 AND $2::date BETWEEN starts_on AND ends_on)`, id, date).QueryRow(func(r pgx.Row) error {
		return r.Scan(&w.closed)
	})
	b.Queue(`SELECT staff_id::text FROM staff_absences WHERE tenant_id = $1 AND $2::date BETWEEN starts_on AND ends_on`, id, date).Query(func(rows pgx.Rows) error {
		var sid string
		_, err := pgx.ForEachRow(rows, []any{&sid}, func() error {
			w.busy[sid] = append(w.busy[sid], *day) // away all day
			return nil
		})
		return err
	})
}
