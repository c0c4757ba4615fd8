package seed

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"
)

type client struct {
	id                  uuid.UUID
	first, last         string
	phone, email        string
	gender              string
	birth, note         string
	emailOffers, smsOff bool
	category            int // 0 ordinary, 1 VIP, 2 problematic, 3 employee: the order sign-up makes them in
	created             time.Time
}

// enrol: about 100 a salon on average, more for a bigger team.
func (s *salon) enrol(r *rand.Rand, g ids, y year) {
	n := 15 + 12*len(s.staff) + r.IntN(12*len(s.staff))
	for range n {
		c := client{id: g.next(), gender: "female", first: pick(r, womenNames), last: pick(r, lastNames)}
		if r.IntN(10) == 0 {
			c.gender, c.first = "male", pick(r, menNames)
		}
		if r.IntN(100) < 92 {
			c.phone = fmt.Sprintf("+33%d%08d", 6+r.IntN(2), r.IntN(100_000_000))
		}
		if r.IntN(100) < 75 {
			c.email = fmt.Sprintf("%s.%s%d@%s", ascii(c.first), ascii(c.last), r.IntN(100), pick(r, mailDomains))
		}
		if r.IntN(100) < 40 {
			c.birth = time.Date(1950+r.IntN(56), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
		if r.IntN(100) < 15 {
			c.note = pick(r, customerNotes)
		}
		c.emailOffers = c.email != "" && r.IntN(100) < 30
		c.smsOff = c.phone != "" && r.IntN(100) < 20
		switch k := r.IntN(100); {
		case k < 6:
			c.category = 1
		case k < 8:
			c.category = 2
		case k < 10:
			c.category = 3
		}
		// Known before the year shown, unless their first visit says later.
		c.created = y.first.AddDate(0, 0, -r.IntN(3*365)).Add(time.Duration(9*60+r.IntN(600)) * time.Minute)
		s.customers = append(s.customers, c)
	}
}

// regular picks a client for a visit: a few regulars come often, most
// clients now and then.
func (s *salon) regular(r *rand.Rand) int {
	u := r.Float64()
	return int(float64(len(s.customers)) * u * u)
}
