package journal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Journal signs and chains entries with the deployment's key.
type Journal struct {
	Key   Key
	DB    *store.DB   // closures, the sweep and exports open their own transactions
	Clock clock.Clock // when entries, closures and exports happen
}

// Stamp is an entry's place in its chain: its sequence number (1 for the
// first) and the time the journal gave it.
type Stamp struct {
	Seq int64
	At  time.Time
}

// ErrPeriodClosed refuses a ticket or credit note dated in a period the
// register has already closed: a signed closure's totals are final. The
// journal owns the rule, so every path that records a document gets it.
var ErrPeriodClosed = &apperr.Error{Code: apperr.Conflict, Key: "journal.period_closed"}

// Append adds e to its register's chain inside the caller's transaction,
// after the register's previous entry. The caller's transaction is scoped
// to e.TenantID; the entry commits or rolls back with the change it records.
// The entry's time is the journal's, not e.At: it is read once the chain's
// head is locked, so the chain's order and its times agree however appends
// race. Closures are not appended here: Close computes them from the chain.
func (j *Journal) Append(ctx context.Context, tx store.Tx, e Entry) (Stamp, error) {
	if e.Kind == KindClosure {
		return Stamp{}, errors.New("journal: a closure is computed by Close, not appended")
	}
	return j.append(ctx, tx, e)
}

func (j *Journal) append(ctx context.Context, tx store.Tx, e Entry) (Stamp, error) {
	// The head's row lock orders this register's appends: the next number,
	// the previous signature and the time are read under it.
	now := instant(j.Clock.Now())
	head, err := tx.JournalHeadLock(ctx, dbq.JournalHeadLockParams{RegisterID: e.RegisterID, TenantID: e.TenantID, At: now})
	if err != nil {
		return Stamp{}, fmt.Errorf("journal: lock register %s: %w", e.RegisterID, err)
	}
	// Never before the chain's last entry, even from a server whose clock
	// lags another's.
	e.At = laterOf(instant(j.Clock.Now()), head.LastAt)
	e = normalize(e)
	if err := e.validate(); err != nil {
		return Stamp{}, err
	}
	if e.Document != nil && head.ClosedTo != nil && e.At.Before(*head.ClosedTo) {
		return Stamp{}, fmt.Errorf("journal: document %d at %s, register %s closed until %s: %w",
			e.Document.Number, e.At.Format(time.RFC3339Nano), e.RegisterID, head.ClosedTo.Format(time.RFC3339Nano), ErrPeriodClosed)
	}
	content, err := encode(e)
	if err != nil {
		return Stamp{}, err
	}
	seq := head.Seq + 1
	sig := j.Key.sign(message(e.RegisterID, seq, e.Kind, content, head.Sig))
	// A closure's caller recomputes the due time once it is recorded (Close).
	due := head.CloseDueAt
	if e.Kind != KindClosure {
		if due, err = j.dueAfter(ctx, tx, e, head); err != nil {
			return Stamp{}, err
		}
	}
	p := dbq.JournalEntryAddParams{TenantID: e.TenantID, RegisterID: e.RegisterID, Seq: seq, Kind: string(e.Kind), At: e.At,
		Payload: content, PrevSig: head.Sig, Sig: sig, KeyID: j.Key.ID(), PublicKey: j.Key.Public(), CloseDueAt: due}
	if e.Document != nil {
		p.InclCents = &e.Document.InclCents
	}
	if c := e.Closure; c != nil {
		period := string(c.Period)
		p.Period, p.PeriodFrom, p.PeriodTo = &period, &c.From, &c.To
	}
	if err := tx.JournalEntryAdd(ctx, p); err != nil {
		return Stamp{}, fmt.Errorf("journal: append to register %s: %w", e.RegisterID, err)
	}
	return Stamp{Seq: seq, At: e.At}, nil
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return instant(b)
	}
	return a
}
