package availability

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// hit is one free start of one team member.
type hit struct {
	k   int32 // grid index within the day
	who int32 // index in the team
	at  int64 // Unix ns
}

// walk records every grid start from which the whole visit fits in one free
// span. Only the grid points inside each span are visited, so the cost
// follows the free time, not the number of appointments.
func (e *engine) walk(free []span, wall int64, who int32) {
	for _, f := range free {
		first, last := max(f.start, e.lo), min(f.end-e.occ, e.hi)
		for _, s := range e.segs {
			a, b := max(first, s.gridFrom), min(last, s.end-1)
			// w is the wall time of day; a >= s.start keeps it non-negative.
			for w := ceilTo(a+s.off-wall, e.step); w-s.off+wall <= b; w += e.step {
				e.hits = append(e.hits, hit{k: int32(w / e.step), who: who, at: w - s.off + wall})
			}
		}
	}
}

func ceilTo(x, step int64) int64 { return (x + step - 1) / step * step }

// sortDay orders one day's hits by start. They arrive member by member; a
// stable counting sort on the grid index runs in linear time and keeps each
// start's staff in input order. The grid index follows time within a day
// because a repeated wall time is offered only once.
func (e *engine) sortDay(h []hit) {
	clear(e.count)
	for _, x := range h {
		e.count[x.k+1]++
	}
	for k := 1; k < len(e.count); k++ {
		e.count[k] += e.count[k-1]
	}
	e.sorted = slices.Grow(e.sorted[:0], len(h))[:len(h)]
	for _, x := range h {
		e.sorted[e.count[x.k]] = x
		e.count[x.k]++
	}
	copy(h, e.sorted)
}

// slots groups the sorted hits by start. The result is sized exactly and
// shares nothing with the pooled engine.
func (e *engine) slots() []Slot {
	if len(e.hits) == 0 {
		return nil
	}
	n := 0
	for i, h := range e.hits {
		if i == 0 || h.at != e.hits[i-1].at {
			n++
		}
	}
	out := make([]Slot, 0, n)
	ids := make([]uuid.UUID, len(e.hits))
	for i := 0; i < len(e.hits); {
		at, j := e.hits[i].at, i
		for ; j < len(e.hits) && e.hits[j].at == at; j++ {
			ids[j] = e.team[e.hits[j].who].ID
		}
		// Capacity ends with the slot so a caller's append cannot spill
		// into the next slot's staff.
		out = append(out, Slot{Start: time.Unix(0, at).In(e.loc), Staff: ids[i:j:j]})
		i = j
	}
	return out
}
