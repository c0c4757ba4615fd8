package journal

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Bounds is the period of the given kind that contains t, in loc: a
// calendar day, month or year, [from, to).
func Bounds(p Period, t time.Time, loc *time.Location) (from, to time.Time) {
	t = t.In(loc)
	switch p {
	case Month:
		from = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		return from, from.AddDate(0, 1, 0)
	case Year:
		from = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, loc)
		return from, from.AddDate(1, 0, 0)
	default:
		from = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
		return from, from.AddDate(0, 0, 1)
	}
}

// Totals sums documents as a closure reports them: per VAT rate (highest
// first) and per payment method (by name). The verifier recomputes a
// closure with it, so the database and the archive agree by construction.
func Totals(docs []Document) Closure {
	var c Closure
	rates := map[int64]*RateAmount{}
	methods := map[string]*MethodAmount{}
	for _, d := range docs {
		c.Documents++
		c.ExclCents += d.ExclCents
		c.VATCents += d.VATCents
		c.InclCents += d.InclCents
		for _, v := range d.VAT {
			r := rates[v.RateBP]
			if r == nil {
				r = &RateAmount{RateBP: v.RateBP}
				rates[v.RateBP] = r
			}
			r.BaseCents += v.BaseCents
			r.VATCents += v.VATCents
		}
		for _, p := range d.Payments {
			m := methods[p.Method]
			if m == nil {
				m = &MethodAmount{Method: p.Method}
				methods[p.Method] = m
			}
			m.Cents += p.Cents
		}
	}
	c.VAT = []RateAmount{}
	for _, r := range rates {
		c.VAT = append(c.VAT, *r)
	}
	sort.Slice(c.VAT, func(a, b int) bool { return c.VAT[a].RateBP > c.VAT[b].RateBP })
	c.Payments = []MethodAmount{}
	for _, m := range methods {
		c.Payments = append(c.Payments, *m)
	}
	sort.Slice(c.Payments, func(a, b int) bool { return c.Payments[a].Method < c.Payments[b].Method })
	return c
}

// ErrPeriodNotOver refuses a closure of a period that has not ended yet.
var ErrPeriodNotOver = &apperr.Error{Code: apperr.Invalid, Key: "journal.not_over"}

// Close appends the closure of [from, to) for a register: its documents'
// totals and the perpetual grand total. A period already closed is not
// closed again: its closure is returned. The head's lock is taken first, so
// no document slips in between the sums and the closure. Whoever closes (by
// hand), the register's next due closure is recomputed here.
func (j *Journal) Close(ctx context.Context, tx store.Tx, tenantID, registerID uuid.UUID, p Period, from, to time.Time) (Closure, error) {
	c, err := j.closePeriod(ctx, tx, tenantID, registerID, p, from, to)
	if err != nil {
		return Closure{}, err
	}
	if err := j.refreshDue(ctx, tx, tenantID, registerID); err != nil {
		return Closure{}, err
	}
	return c, nil
}

// closePeriod is Close without recomputing the next due closure: the sweep
// closes a register's ended days, month and year in a row and recomputes it
// once, after the last.
func (j *Journal) closePeriod(ctx context.Context, tx store.Tx, tenantID, registerID uuid.UUID, p Period, from, to time.Time) (Closure, error) {
	now := instant(j.Clock.Now())
	from, to = instant(from), instant(to)
	if !to.After(from) {
		return Closure{}, fmt.Errorf("journal: close %s: empty period %s – %s", p, from, to)
	}
	if to.After(now) {
		return Closure{}, ErrPeriodNotOver
	}
	if _, err := tx.JournalHeadLock(ctx, dbq.JournalHeadLockParams{RegisterID: registerID, TenantID: tenantID, At: now}); err != nil {
		return Closure{}, fmt.Errorf("journal: close: lock register %s: %w", registerID, err)
	}
	done, err := tx.JournalClosureGet(ctx, dbq.JournalClosureGetParams{TenantID: tenantID, RegisterID: registerID, Period: new(string(p)), PeriodFrom: &from})
	if err == nil {
		e, err := decode(done.Payload)
		if err != nil {
			return Closure{}, err
		}
		return *e.Closure, nil
	} else if !store.IsNotFound(err) {
		return Closure{}, fmt.Errorf("journal: close: find closure: %w", err)
	}
	c, err := j.sum(ctx, tx, tenantID, registerID, from, to)
	if err != nil {
		return Closure{}, err
	}
	c.Period, c.From, c.To = p, from, to
	if _, err := j.append(ctx, tx, Entry{TenantID: tenantID, RegisterID: registerID, Kind: KindClosure, At: now, Closure: &c}); err != nil {
		return Closure{}, err
	}
	return c, nil
}

func (j *Journal) sum(ctx context.Context, tx store.Tx, tenantID, registerID uuid.UUID, from, to time.Time) (Closure, error) {
	rows, err := tx.JournalDocumentsIn(ctx, dbq.JournalDocumentsInParams{TenantID: tenantID, RegisterID: registerID, FromAt: from, ToAt: to})
	if err != nil {
		return Closure{}, fmt.Errorf("journal: close: read documents: %w", err)
	}
	docs := make([]Document, 0, len(rows))
	for _, r := range rows {
		e, err := decode(r.Payload)
		if err != nil {
			return Closure{}, fmt.Errorf("journal: close: entry %d: %w", r.Seq, err)
		}
		docs = append(docs, *e.Document)
	}
	c := Totals(docs)
	if len(rows) > 0 {
		c.FirstSeq, c.LastSeq = rows[0].Seq, rows[len(rows)-1].Seq
	}
	if c.GrandTotal, err = tx.JournalGrandTotal(ctx, dbq.JournalGrandTotalParams{TenantID: tenantID, RegisterID: registerID, ToAt: to}); err != nil {
		return Closure{}, fmt.Errorf("journal: close: grand total: %w", err)
	}
	return c, nil
}
