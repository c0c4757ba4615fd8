package farewell

import (
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/booking"
)

// Slot is a free start and the staff member free then.
type Slot struct {
	Start     time.Time // in the salon's zone
	StaffID   uuid.UUID
	StaffName string // only when no one in particular did the services
}

// nearTime is how far from the client's usual time of day a start still
// reads as "about the same time": past it, a later day at the right time
// is a better proposal than the right day at the wrong time.
const nearTime = 90 // minutes

// maxOthers is how many other free times the farewell offers.
const maxOthers = 3

// pick chooses the proposal among days of free times (the target day
// first): the start closest to the wanted time of day (minutes after
// midnight) on the first day that has one within nearTime, else on the
// first day with any. The others are the closest start of each following
// day, then more starts of the proposal's day, in time order.
func pick(days []booking.Day, wanted int, staff uuid.UUID) (Slot, []Slot, bool) {
	chosen := -1 // the first day with a start near the time, else with any
	for i, d := range days {
		_, dist, ok := closest(d.Slots, wanted)
		if !ok {
			continue
		}
		if chosen < 0 || dist <= nearTime {
			chosen = i
		}
		if dist <= nearTime {
			break
		}
	}
	if chosen < 0 {
		return Slot{}, nil, false
	}
	best, _, _ := closest(days[chosen].Slots, wanted)
	var others []Slot
	for _, d := range days[chosen+1:] {
		if s, _, ok := closest(d.Slots, wanted); ok && len(others) < maxOthers {
			others = append(others, slotOf(s, staff))
		}
	}
	for _, s := range byCloseness(days[chosen].Slots, wanted) {
		if len(others) < maxOthers && !s.Start.Equal(best.Start) {
			others = append(others, slotOf(s, staff))
		}
	}
	slices.SortFunc(others, func(a, b Slot) int { return a.Start.Compare(b.Start) })
	return slotOf(best, staff), others, true
}

// closest is the slot nearest the wanted time of day, and how far it is.
func closest(slots []availability.Slot, wanted int) (availability.Slot, int, bool) {
	if len(slots) == 0 {
		return availability.Slot{}, 0, false
	}
	s := byCloseness(slots, wanted)[0]
	return s, distance(s, wanted), true
}

// byCloseness sorts a copy of the slots by distance to the wanted time of
// day, the earlier first on a tie.
func byCloseness(slots []availability.Slot, wanted int) []availability.Slot {
	out := slices.Clone(slots)
	slices.SortStableFunc(out, func(a, b availability.Slot) int { return distance(a, wanted) - distance(b, wanted) })
	return out
}

func distance(s availability.Slot, wanted int) int {
	d := s.Start.Hour()*60 + s.Start.Minute() - wanted
	if d < 0 {
		return -d
	}
	return d
}

// slotOf names who takes the visit: the staff member asked for, or the
// first one the engine found free.
func slotOf(s availability.Slot, staff uuid.UUID) Slot {
	if staff == uuid.Nil && len(s.Staff) > 0 {
		staff = s.Staff[0]
	}
	return Slot{Start: s.Start, StaffID: staff}
}
