package journal

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/google/uuid"
)

// chainState is one register's chain as read so far.
type chainState struct {
	first, last, count int64
	lastSig            []byte
	docs               []archivedDoc
	closures           map[Period]*archivedClosure // the latest closure of each period
	summed             int                         // closures recomputed from the archive
}

type archivedDoc struct {
	seq int64
	doc Entry
}

type archivedClosure struct {
	seq int64
	c   Closure
}

// checkEntries verifies each entry in file order and returns the chains.
func checkEntries(b []byte, keys map[string]ed25519.PublicKey, salon uuid.UUID, rep *Report) (map[uuid.UUID]*chainState, error) {
	chains := map[uuid.UUID]*chainState{}
	var current uuid.UUID
	s := scanLines(b)
	for n := 1; s.Scan(); n++ {
		var l line
		d := json.NewDecoder(bytes.NewReader(s.Bytes()))
		d.DisallowUnknownFields()
		if err := d.Decode(&l); err != nil {
			return nil, &Failure{Reason: fmt.Sprintf("line %d of entries.jsonl is not an entry", n)}
		}
		c := chains[l.Register]
		if c != nil && l.Register != current {
			// One register's entries come together, in order: an archive
			// has one way to be written.
			return nil, &Failure{Register: l.Register, Seq: l.Seq, Reason: "the register's entries are not together"}
		}
		current = l.Register
		if c == nil {
			c = &chainState{first: l.Seq, closures: map[Period]*archivedClosure{}}
			chains[l.Register] = c
		}
		if err := checkEntry(l, c, keys, salon); err != nil {
			return nil, &Failure{Register: l.Register, Seq: l.Seq, Reason: err.Error()}
		}
		rep.Entries++
		if l.Kind == KindClosure {
			rep.Closures++
		}
	}
	if err := s.Err(); err != nil {
		return nil, &Failure{Reason: "entries.jsonl: " + err.Error()}
	}
	for _, c := range chains {
		rep.ClosuresSummed += c.summed
	}
	return chains, nil
}

func checkEntry(l line, c *chainState, keys map[string]ed25519.PublicKey, salon uuid.UUID) error {
	if c.count > 0 && l.Seq != c.last+1 {
		return fmt.Errorf("comes after entry %d: the sequence has a gap or is out of order", c.last)
	}
	prev, err1 := base64.StdEncoding.DecodeString(l.PrevSig)
	sig, err2 := base64.StdEncoding.DecodeString(l.Sig)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("signature is not base64")
	}
	if c.count > 0 && !bytes.Equal(prev, c.lastSig) {
		return fmt.Errorf("is not chained to entry %d (previous signature differs)", c.last)
	}
	if l.Seq == 1 && len(prev) != 0 {
		return fmt.Errorf("is the first entry but names a previous signature")
	}
	pub, ok := keys[l.KeyID]
	if !ok {
		return fmt.Errorf("is signed by key %s, which the manifest does not list", l.KeyID)
	}
	if pub == nil {
		return fmt.Errorf("is signed by key %s, whose public key in the manifest is malformed or does not match its fingerprint", l.KeyID)
	}
	if !ed25519.Verify(pub, message(l.Register, l.Seq, l.Kind, l.Payload, prev), sig) {
		return fmt.Errorf("signature does not verify: the entry was altered")
	}
	e, err := decode(l.Payload)
	if err != nil {
		return err
	}
	if e.RegisterID != l.Register || e.Kind != l.Kind || !e.At.Equal(l.At) || e.TenantID != salon {
		return fmt.Errorf("the signed content does not match the entry's register, kind, time or salon")
	}
	c.count++
	c.last, c.lastSig = l.Seq, sig
	switch e.Kind {
	case KindTicket, KindCreditNote:
		c.docs = append(c.docs, archivedDoc{seq: l.Seq, doc: e})
	case KindClosure:
		if err := c.checkClosure(l.Seq, *e.Closure); err != nil {
			return err
		}
	}
	return nil
}

// checkClosure recomputes a closure from the archive's documents, when the
// archive holds all of them: it starts at the chain's first entry, or no
// later than the closure's first document. Documents recorded after the
// closure are not its own, as Close did not see them.
func (c *chainState) checkClosure(seq int64, got Closure) error {
	var docs []Document
	var first, last int64
	for _, d := range c.docs {
		if !d.doc.At.Before(got.From) && d.doc.At.Before(got.To) {
			docs = append(docs, *d.doc.Document)
			if first == 0 {
				first = d.seq
			}
			last = d.seq
		}
	}
	prev := c.closures[got.Period]
	c.closures[got.Period] = &archivedClosure{seq: seq, c: got}
	if c.first != 1 && (got.Documents == 0 || c.first > got.FirstSeq) {
		return nil
	}
	want := Totals(docs)
	want.Period, want.From, want.To, want.GrandTotal, want.FirstSeq, want.LastSeq = got.Period, got.From, got.To, got.GrandTotal, first, last
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("closure totals differ from its documents: %+v recorded, %+v recomputed", got, want)
	}
	c.summed++
	grand := sumBefore(c.docs, seq, got.To)
	if c.first == 1 && got.GrandTotal != grand {
		return fmt.Errorf("closure grand total %d, its documents sum to %d", got.GrandTotal, grand)
	}
	if c.first != 1 && prev != nil && got.GrandTotal-prev.c.GrandTotal != grand-sumBefore(c.docs, prev.seq, prev.c.To) {
		return fmt.Errorf("closure grand total %d does not follow the previous %s closure's %d", got.GrandTotal, got.Period, prev.c.GrandTotal)
	}
	return nil
}

// sumBefore is what the documents recorded before entry seq, dated before
// to, brought: a grand total as Close computed it at that entry.
func sumBefore(docs []archivedDoc, seq int64, to time.Time) int64 {
	var sum int64
	for _, d := range docs {
		if d.seq < seq && d.doc.At.Before(to) {
			sum += d.doc.Document.InclCents
		}
	}
	return sum
}
