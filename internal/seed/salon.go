package seed

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Password is every seeded owner's password: the salons are made up and the
// load generator signs in with it.
const Password = "seed-salon-2026"

// Slug is the i-th seeded salon's slug (from 1): salon-0001, salon-0002…
func Slug(i int) string { return fmt.Sprintf("salon-%04d", i) }

// OwnerEmail is the login of the i-th seeded salon's owner.
func OwnerEmail(i int) string { return "owner@" + Slug(i) + ".test" }

// zone is where every seeded salon is: the catalogue's VAT rates are French.
const zone = "Europe/Paris"

// year is the stretch of time the salons' visits fill: nine months back,
// three ahead.
type year struct {
	loc                *time.Location
	first, last, today time.Time // dates (midnight UTC); first and last included
	now                time.Time // today's start in the salons' zone: visits before it took place
}

func yearAround(day time.Time, loc *time.Location) year {
	d := day.In(loc)
	today := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	return year{loc: loc, today: today, first: today.AddDate(0, -9, 0), last: today.AddDate(0, 3, -1),
		now: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)}
}

// salon is everything one seeded salon holds, made before any of it is written.
type salon struct {
	index        int
	id, ownerID  uuid.UUID
	name, city   string
	postal, addr string
	phone        string
	signedUp     time.Time
	opening      []hours // the salon's week
	closures     []period
	families     []category
	services     []service
	staff        []member
	customers    []client
	visits       []visit
	ledger       []entry
	sheets       []sheet
	messages     []sent
}

type hours struct {
	weekday    time.Weekday
	from, till int // minutes after midnight
}

type period struct {
	from, to time.Time // dates, both included
	reason   string
}

type category struct {
	id   uuid.UUID
	name string
}

type service struct {
	id, category    uuid.UUID
	name            string
	minutes, buffer int
	price           int64
	technics        bool
}

type member struct {
	id       uuid.UUID
	name     string
	services []int // indexes in salon.services
	week     []hours
	absences []period
}

// ids draws uuids from the salon's generator: a second run makes the same.
type ids struct{ r *rand.Rand }

func (g ids) next() uuid.UUID {
	var u uuid.UUID
	binary.LittleEndian.PutUint64(u[:8], g.r.Uint64())
	binary.LittleEndian.PutUint64(u[8:], g.r.Uint64())
	u[6] = u[6]&0x0f | 0x40 // version 4
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return u
}

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }

// newSalon makes salon i's set-up: identity, week, catalogue, staff, closures.
func newSalon(r *rand.Rand, i int, y year) *salon {
	g := ids{r}
	c := pick(r, cities)
	s := &salon{index: i, id: g.next(), ownerID: g.next(), city: c.name, postal: c.postal,
		name:  pick(r, salonPrefixes) + " " + pick(r, salonNames) + " " + c.name,
		addr:  fmt.Sprintf("%d %s, %s %s", 1+r.IntN(120), pick(r, streets), c.postal, c.name),
		phone: fmt.Sprintf("+33%d%08d", 1+r.IntN(5), r.IntN(100_000_000))}
	s.opening = salonWeek(r)
	s.catalogue(r, g)
	// Most salons are small: two to fifteen people, three to five usually.
	n := min(15, 2+int(14*r.Float64()*r.Float64()))
	for k := range n {
		m := member{id: g.next(), name: pick(r, womenNames)}
		if k > 0 {
			m.name += fmt.Sprintf(" %c.", 'A'+rune(r.IntN(26)))
		}
		m.services = staffServices(r, len(s.services), k == 0)
		m.week = staffWeek(r, s.opening)
		m.absences = absences(r, y.first, y.last)
		s.staff = append(s.staff, m)
	}
	s.closures = closures(r, y.first, y.last)
	return s
}

// salonWeek: Tuesday to Saturday, or Monday to Saturday, late on Thursdays
// for some, shorter on Saturdays.
func salonWeek(r *rand.Rand) []hours {
	opens := 9*60 + 30*r.IntN(3)
	closes := 18*60 + 30*r.IntN(4)
	var week []hours
	for d := time.Monday; d <= time.Saturday; d++ {
		if d == time.Monday && r.IntN(3) > 0 {
			continue
		}
		h := hours{d, opens, closes}
		if d == time.Thursday && r.IntN(3) == 0 {
			h.till = 20 * 60
		}
		if d == time.Saturday {
			h.till = min(h.till, 18*60)
		}
		week = append(week, h)
	}
	return week
}

// catalogue picks 20 to 60 services from the families, priced at the
// salon's own level.
func (s *salon) catalogue(r *rand.Rand, g ids) {
	level := 0.8 + 0.6*r.Float64()
	want := 20 + r.IntN(41)
	var all []struct{ f, o int }
	for f, fam := range families {
		for o := range fam.offers {
			all = append(all, struct{ f, o int }{f, o})
		}
	}
	r.Shuffle(len(all), func(a, b int) { all[a], all[b] = all[b], all[a] })
	all = all[:min(want, len(all))] // the families hold 57 offers
	slices.SortFunc(all, func(a, b struct{ f, o int }) int { return (a.f*100 + a.o) - (b.f*100 + b.o) })
	famID := map[int]uuid.UUID{}
	for _, p := range all {
		if _, ok := famID[p.f]; !ok {
			famID[p.f] = g.next()
			s.families = append(s.families, category{id: famID[p.f], name: families[p.f].name})
		}
		o := families[p.f].offers[p.o]
		price := int64(float64(o.price)*level/50+0.5) * 50 // to 50 cents
		s.services = append(s.services, service{id: g.next(), category: famID[p.f], name: o.name, minutes: o.minutes,
			buffer: 5 * r.IntN(4), price: price, technics: o.technics})
	}
}

// staffServices: the owner does everything, the others most of it.
func staffServices(r *rand.Rand, n int, owner bool) []int {
	share := 0.5 + 0.5*r.Float64()
	var out []int
	for k := range n {
		if owner || r.Float64() < share {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		out = append(out, r.IntN(n))
	}
	return out
}

// staffWeek: four or five of the salon's days, some with a lunch break.
func staffWeek(r *rand.Rand, salon []hours) []hours {
	off := -1
	if len(salon) > 4 && r.IntN(2) == 0 {
		off = r.IntN(len(salon))
	}
	var week []hours
	for k, d := range salon {
		if k == off {
			continue
		}
		if r.IntN(3) == 0 {
			week = append(week, hours{d.weekday, d.from, 12*60 + 30}, hours{d.weekday, 13*60 + 30, d.till})
			continue
		}
		week = append(week, d)
	}
	return week
}

// absences: a summer holiday, a winter week, a few days of sickness or training.
func absences(r *rand.Rand, first, last time.Time) []period {
	var out []period
	add := func(from time.Time, days int, reason string) {
		to := from.AddDate(0, 0, days-1)
		if to.Before(first) || from.After(last) {
			return
		}
		out = append(out, period{from, to, reason})
	}
	for y := first.Year(); y <= last.Year(); y++ {
		add(time.Date(y, time.July, 1+r.IntN(45), 0, 0, 0, 0, time.UTC), 14+7*r.IntN(2), absenceReasons[0])
		add(time.Date(y, time.February, 1+r.IntN(20), 0, 0, 0, 0, time.UTC), 7, absenceReasons[0])
	}
	for range r.IntN(4) {
		day := first.AddDate(0, 0, r.IntN(int(last.Sub(first).Hours()/24)))
		add(day, 1+r.IntN(3), absenceReasons[1+r.IntN(len(absenceReasons)-1)])
	}
	return out
}

// closures: public holidays for most salons, Christmas week or two weeks of
// August for some.
func closures(r *rand.Rand, first, last time.Time) []period {
	var out []period
	add := func(from time.Time, days int, reason string) {
		to := from.AddDate(0, 0, days-1)
		if !to.Before(first) && !from.After(last) {
			out = append(out, period{from, to, reason})
		}
	}
	feries, christmas, august := r.IntN(4) > 0, r.IntN(2) == 0, r.IntN(3) == 0
	for y := first.Year(); y <= last.Year(); y++ {
		if feries {
			for _, h := range holidays {
				add(time.Date(y, h.month, h.day, 0, 0, 0, 0, time.UTC), 1, "Jour férié")
			}
		}
		if christmas {
			add(time.Date(y, time.December, 26, 0, 0, 0, 0, time.UTC), 6, "Fermeture de fin d'année")
		}
		if august {
			add(time.Date(y, time.August, 3+r.IntN(7), 0, 0, 0, 0, time.UTC), 14, "Congés d'été")
		}
	}
	return out
}

func within(day time.Time, ps []period) bool {
	for _, p := range ps {
		if !day.Before(p.from) && !day.After(p.to) {
			return true
		}
	}
	return false
}

func ascii(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ë", "e", "ê", "e", "ï", "i", "î", "i", "ç", "c", "à", "a", "ô", "o",
		" ", "", "'", "").Replace(strings.ToLower(s))
}
