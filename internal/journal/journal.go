package journal

import (
	"context"
	"errors"
	"fmt"

	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Journal signs and chains entries with the deployment's key.
type Journal struct {
	Key   Key
	DB    *store.DB   // closures, the sweep and exports open their own transactions
	Clock clock.Clock // when closures and exports happen
}

// Append adds e to its register's chain inside the caller's transaction,
// after the register's previous entry, and returns the entry's sequence
// number in the chain (1 for the first). The caller's transaction is scoped
// to e.TenantID; the entry commits or rolls back with the change it records.
// Closures are not appended here: Close computes them from the chain.
func (j *Journal) Append(ctx context.Context, tx store.Tx, e Entry) (int64, error) {
	if e.Kind == KindClosure {
		return 0, errors.New("journal: a closure is computed by Close, not appended")
	}
	return j.append(ctx, tx, e)
}

func (j *Journal) append(ctx context.Context, tx store.Tx, e Entry) (int64, error) {
	e = normalize(e)
	if err := e.validate(); err != nil {
		return 0, err
	}
	content, err := encode(e)
	if err != nil {
		return 0, err
	}
	// The head's row lock orders this register's appends: the next number
	// and the previous signature are read under it.
	head, err := tx.JournalHeadLock(ctx, dbq.JournalHeadLockParams{RegisterID: e.RegisterID, TenantID: e.TenantID, At: e.At})
	if err != nil {
		return 0, fmt.Errorf("journal: lock register %s: %w", e.RegisterID, err)
	}
	seq := head.Seq + 1
	sig := j.Key.sign(message(e.RegisterID, seq, e.Kind, content, head.Sig))
	p := dbq.JournalEntryAddParams{TenantID: e.TenantID, RegisterID: e.RegisterID, Seq: seq, Kind: string(e.Kind), At: e.At,
		Payload: content, PrevSig: head.Sig, Sig: sig, KeyID: j.Key.ID()}
	if e.Document != nil {
		p.InclCents = &e.Document.InclCents
	}
	if c := e.Closure; c != nil {
		period := string(c.Period)
		p.Period, p.PeriodFrom, p.PeriodTo = &period, &c.From, &c.To
	}
	if err := tx.JournalEntryAdd(ctx, p); err != nil {
		return 0, fmt.Errorf("journal: append to register %s: %w", e.RegisterID, err)
	}
	return seq, nil
}
