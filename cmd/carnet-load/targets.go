package main

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"time"
)

// daysAhead matches the public date strip (web.PublicDays): the fragment is
// only ever asked for those days by a real visitor.
const daysAhead = 14

// kinds are the kinds of request, in report order.
var kinds = []string{"page", "slots", "book", "agenda", "clients"}

// blend is the "all" scenario, in percent. Visitors browse far more than
// they book: a booking takes the salon page, a service's times and a day or
// two more, so page and times make up most of the traffic and about one
// look at the times in eight ends in a booking. The back office is a few
// people per salon: the agenda is reopened all day long (each arrival, each
// phone call), the client list less often.
var blend = []struct {
	kind    string
	percent int
}{{"page", 45}, {"slots", 40}, {"book", 5}, {"agenda", 7}, {"clients", 3}}

// target is one request to send; kind names the scenario it is reported under.
type target struct {
	kind string
	path string
	htmx bool
	sal  *salon // book: whose page; agenda, clients: whose owner signs in
	pick uint64 // book: the visitor's choices (who, which day, which time)
	run  uint64 // book: the run's seed, so clients differ from one run to the next
}

// targets hands out the i-th request of a run. It is a pure function of i so
// that the pacer needs no lock and a run is reproducible.
type targets struct {
	scenario string
	salons   []salon
	bookable []int // salons with a service to book without paying online
	dates    []string
	year     time.Time // first day of the seeded year of visits
	yearDays int
	seed     uint64
}

// newTargets fixes the 14 dates at the start of the run (machine's local
// date; the salon's own today may differ by a day around midnight, which
// only shifts the strip). The agenda's days are those of the seed's year of
// visits: nine months back to three months ahead (seed.yearAround).
func newTargets(cfg config, salons []salon, now time.Time) targets {
	t := targets{scenario: cfg.scenario, salons: salons, seed: cfg.seed}
	if t.seed == 0 {
		t.seed = uint64(now.UnixNano())
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	for i := range daysAhead {
		t.dates = append(t.dates, day.AddDate(0, 0, i).Format(time.DateOnly))
	}
	t.year = day.AddDate(0, -9, 0)
	t.yearDays = int(day.AddDate(0, 3, 0).Sub(t.year).Hours()/24 + 0.5)
	for i, s := range salons {
		if len(s.free) > 0 {
			t.bookable = append(t.bookable, i)
		}
	}
	return t
}

func (t targets) at(i int) target {
	switch t.scenario {
	case "page", "slots":
		return t.walk(t.scenario, i)
	case "mix":
		// i/2 so the slots requests of a mix still walk every service and date.
		return t.walk([...]string{"page", "slots"}[i%2], i/2)
	}
	r := rand.New(rand.NewPCG(t.seed, uint64(i)))
	kind := t.scenario
	if kind == "all" {
		kind = blendAt(r.IntN(100))
	}
	switch kind {
	case "book":
		return t.book(r)
	case "agenda":
		return t.agenda(r)
	case "clients":
		return t.clients(r)
	}
	return t.walk(kind, i)
}

func blendAt(n int) string {
	for _, b := range blend {
		if n < b.percent {
			return b.kind
		}
		n -= b.percent
	}
	return blend[len(blend)-1].kind
}

// walk is a page or times request that visits every salon, service and
// date in turn.
func (t targets) walk(kind string, i int) target {
	// Salons rotate fastest, so every salon is visited in turn and a
	// server's caches see the whole data set, not one salon.
	sal := t.salons[i%len(t.salons)]
	i /= len(t.salons)
	if kind == "page" {
		return target{kind: "page", path: "/b/" + sal.slug}
	}
	// Services rotate next and dates advance once per round of services,
	// so every (service, date) pair comes up even when 14 and the number
	// of services share a factor.
	svc := sal.services[i%len(sal.services)]
	date := t.dates[(i/len(sal.services))%len(t.dates)]
	return target{kind: "slots", path: "/b/" + sal.slug + "/s/" + svc + "/slots?date=" + date, htmx: true}
}

// book starts at a payment-free service's page of a random salon; the
// visitor's later choices come from pick, so that bookings spread over
// services, staff, days and times and rarely collide.
func (t targets) book(r *rand.Rand) target {
	sal := &t.salons[t.bookable[r.IntN(len(t.bookable))]]
	svc := sal.free[r.IntN(len(sal.free))]
	return target{kind: "book", path: "/b/" + sal.slug + "/s/" + svc, sal: sal, pick: r.Uint64(), run: t.seed}
}

// agenda is a receptionist opening the salon's day, any day of the year.
func (t targets) agenda(r *rand.Rand) target {
	sal := &t.salons[r.IntN(len(t.salons))]
	day := t.year.AddDate(0, 0, r.IntN(t.yearDays)).Format(time.DateOnly)
	return target{kind: "agenda", path: "/app/agenda?date=" + day, sal: sal}
}

// clients is the client list's first page, or one time in three a search
// as typed in its box: htmx sends the whole filter form after a pause.
func (t targets) clients(r *rand.Rand) target {
	sal := &t.salons[r.IntN(len(t.salons))]
	if len(sal.prefixes) == 0 || r.IntN(3) > 0 {
		return target{kind: "clients", path: "/app/clients", sal: sal}
	}
	q := sal.prefixes[r.IntN(len(sal.prefixes))]
	return target{kind: "clients", path: "/app/clients?q=" + url.QueryEscape(q) + "&category=&sort=name", htmx: true, sal: sal}
}

// clientIP is the X-Forwarded-For of the i-th request: a pool of 10.x.y.z
// addresses walked in turn, so at 1,000 req/s a 65,536 pool reuses an address
// about once a minute, far below the 240/min slots limit.
func clientIP(i, pool int) string {
	n := i % pool
	return fmt.Sprintf("10.%d.%d.%d", n>>16&0xff, n>>8&0xff, n&0xff)
}
