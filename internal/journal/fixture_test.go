package journal_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// bundle is a salon with the journal of a running Carnet.
type bundle struct {
	env    *testkit.Env
	salon  uuid.UUID
	j      *journal.Journal
	number int64 // the last receipt number handed out
}

func setup(t testing.TB) *bundle {
	t.Helper()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	return &bundle{env: env, salon: env.NewSalon("Institut Caisse").ID, j: env.Srv.Journal}
}

// add appends one entry in its own transaction, as the till does with a
// ticket. The journal dates entries by its clock: an entry with At set is
// appended with the clock reading At, then the clock goes back.
func (b *bundle) add(t testing.TB, e journal.Entry) int64 {
	t.Helper()
	if !e.At.IsZero() {
		back := b.env.Clock.Now()
		b.env.Clock.Set(e.At)
		defer b.env.Clock.Set(back)
	}
	var st journal.Stamp
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		var err error
		st, err = b.j.Append(context.Background(), tx, e)
		return err
	}))
	return st.Seq
}

// doc appends a random ticket (or, one time in four, a credit note) at a time.
func (b *bundle) doc(t testing.TB, rng *rand.Rand, register uuid.UUID, at time.Time) journal.Document {
	t.Helper()
	b.number++
	d := randomDocument(rng, b.number)
	kind := journal.KindTicket
	if rng.IntN(4) == 0 {
		kind, d = journal.KindCreditNote, creditNote(d, b.number-1)
	}
	b.add(t, journal.Entry{TenantID: b.salon, RegisterID: register, Kind: kind, At: at, Document: &d})
	return d
}

func (b *bundle) close(t testing.TB, register uuid.UUID, p journal.Period, from, to time.Time) journal.Closure {
	t.Helper()
	var c journal.Closure
	require.NoError(t, b.env.Srv.DB.WithTenant(context.Background(), b.salon, func(tx store.Tx) error {
		var err error
		c, err = b.j.Close(context.Background(), tx, b.salon, register, p, from, to)
		return err
	}))
	return c
}

var (
	rates   = []int64{2000, 1000, 550, 210, 0}
	methods = []string{"cash", "card", "cheque", "online", "account"}
)

// randomDocument is a ticket of 1 to 4 lines at random rates, paid by 1 to
// 3 methods whose amounts add up to its total.
func randomDocument(rng *rand.Rand, number int64) journal.Document {
	d := journal.Document{Number: number, Currency: "EUR"}
	vat := map[int64]*journal.RateAmount{}
	for range 1 + rng.IntN(4) {
		rate := rates[rng.IntN(len(rates))]
		qty := 1 + rng.Int64N(3)
		unit := 100 + rng.Int64N(15000)
		incl := qty*unit - rng.Int64N(unit/2+1) // a discount
		d.Lines = append(d.Lines, journal.Line{Kind: "service", Label: "Soin", Quantity: qty, UnitCents: unit, InclCents: incl, RateBP: rate})
		base := incl * 10000 / (10000 + rate)
		if vat[rate] == nil {
			vat[rate] = &journal.RateAmount{RateBP: rate}
		}
		vat[rate].BaseCents += base
		vat[rate].VATCents += incl - base
		d.InclCents += incl
		d.ExclCents += base
		d.VATCents += incl - base
	}
	for _, r := range rates {
		if v := vat[r]; v != nil {
			d.VAT = append(d.VAT, *v)
		}
	}
	left := d.InclCents
	for n := 1 + rng.IntN(3); n > 1 && left > 1; n-- {
		part := 1 + rng.Int64N(left-1)
		d.Payments = append(d.Payments, journal.MethodAmount{Method: methods[rng.IntN(len(methods))], Cents: part})
		left -= part
	}
	d.Payments = append(d.Payments, journal.MethodAmount{Method: methods[rng.IntN(len(methods))], Cents: left})
	return d
}

// creditNote corrects a ticket: every amount negated.
func creditNote(d journal.Document, refersTo int64) journal.Document {
	c := journal.Document{Number: d.Number, RefersTo: refersTo, Currency: d.Currency,
		ExclCents: -d.ExclCents, VATCents: -d.VATCents, InclCents: -d.InclCents}
	for _, l := range d.Lines {
		l.Quantity, l.InclCents = -l.Quantity, -l.InclCents
		c.Lines = append(c.Lines, l)
	}
	for _, v := range d.VAT {
		c.VAT = append(c.VAT, journal.RateAmount{RateBP: v.RateBP, BaseCents: -v.BaseCents, VATCents: -v.VATCents})
	}
	for _, p := range d.Payments {
		c.Payments = append(c.Payments, journal.MethodAmount{Method: p.Method, Cents: -p.Cents})
	}
	return c
}
