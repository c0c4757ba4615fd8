package journal

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// version tags the signed message and the payload, so a later encoding can
// coexist with entries signed under this one.
const version = 1

// payload is an entry as signed. encoding/json writes struct fields in
// declaration order and map keys sorted, and every time is UTC at
// Postgres's microsecond precision, so one entry has one encoding: the
// verifier decodes and re-encodes a payload and must get the same bytes.
type payload struct {
	V        int       `json:"v"`
	Tenant   uuid.UUID `json:"tenant"`
	Register uuid.UUID `json:"register"`
	Kind     Kind      `json:"kind"`
	At       time.Time `json:"at"`
	Document *Document `json:"document,omitempty"`
	Reprint  *Reprint  `json:"reprint,omitempty"`
	Closure  *Closure  `json:"closure,omitempty"`
	Event    *Event    `json:"event,omitempty"`
}

// instant is a time as stored: UTC, microseconds.
func instant(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// normalize gives e the times Postgres will keep, before anything is signed.
func normalize(e Entry) Entry {
	e.At = instant(e.At)
	if e.Closure != nil {
		c := *e.Closure
		c.From, c.To = instant(c.From), instant(c.To)
		e.Closure = &c
	}
	return e
}

func encode(e Entry) ([]byte, error) {
	b, err := json.Marshal(payload{V: version, Tenant: e.TenantID, Register: e.RegisterID, Kind: e.Kind, At: e.At,
		Document: e.Document, Reprint: e.Reprint, Closure: e.Closure, Event: e.Event})
	if err != nil {
		return nil, fmt.Errorf("journal: encode entry: %w", err)
	}
	return b, nil
}

// decode reads a payload back and refuses any that is not in canonical form.
func decode(b []byte) (Entry, error) {
	var p payload
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&p); err != nil {
		return Entry{}, fmt.Errorf("journal: decode payload: %w", err)
	}
	if p.V != version {
		return Entry{}, fmt.Errorf("journal: payload version %d", p.V)
	}
	e := normalize(Entry{TenantID: p.Tenant, RegisterID: p.Register, Kind: p.Kind, At: p.At,
		Document: p.Document, Reprint: p.Reprint, Closure: p.Closure, Event: p.Event})
	again, err := encode(e)
	if err != nil {
		return Entry{}, err
	}
	if !bytes.Equal(again, b) {
		return Entry{}, fmt.Errorf("journal: payload is not in canonical form")
	}
	return e, nil
}

// message is what an entry's signature covers: the version, the register,
// the entry's place in the chain, its kind, its content's hash and the
// previous entry's signature (empty for the first).
func message(register uuid.UUID, seq int64, kind Kind, content, prevSig []byte) []byte {
	sum := sha256.Sum256(content)
	m := make([]byte, 0, 32+16+8+len(kind)+1+len(sum)+len(prevSig))
	m = append(m, "carnet-journal/1\n"...)
	m = append(m, register[:]...)
	m = binary.BigEndian.AppendUint64(m, uint64(seq))
	m = append(m, kind...)
	m = append(m, 0)
	m = append(m, sum[:]...)
	return append(m, prevSig...)
}

func (e Entry) validate() error {
	set := 0
	for _, p := range []bool{e.Document != nil, e.Reprint != nil, e.Closure != nil, e.Event != nil} {
		if p {
			set++
		}
	}
	switch {
	case e.TenantID == uuid.Nil || e.RegisterID == uuid.Nil:
		return fmt.Errorf("journal: entry without salon or register")
	case e.At.IsZero():
		return fmt.Errorf("journal: entry without a time")
	case set != 1:
		return fmt.Errorf("journal: a %s entry carries %d contents, not 1", e.Kind, set)
	}
	var ok bool
	switch e.Kind {
	case KindTicket, KindCreditNote:
		ok = e.Document != nil
	case KindReprint:
		ok = e.Reprint != nil
	case KindClosure:
		ok = e.Closure != nil
	case KindEvent:
		ok = e.Event != nil
	}
	if !ok {
		return fmt.Errorf("journal: a %q entry does not carry its content", e.Kind)
	}
	if d := e.Document; d != nil {
		var paid int64
		for _, p := range d.Payments {
			paid += p.Cents
		}
		if paid != d.InclCents || d.ExclCents+d.VATCents != d.InclCents {
			return fmt.Errorf("journal: document %d does not add up (paid %d, excl %d + VAT %d, incl %d)",
				d.Number, paid, d.ExclCents, d.VATCents, d.InclCents)
		}
	}
	return nil
}
