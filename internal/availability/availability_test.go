package availability

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

var (
	cut   = Service{ID: uuid.MustParse("00000000-0000-0000-0000-0000000000c1"), Duration: time.Hour}
	color = Service{ID: uuid.MustParse("00000000-0000-0000-0000-0000000000c2"), Duration: 45 * time.Minute, BufferAfter: 5 * time.Minute}

	names = map[uuid.UUID]string{}
	alice = member("alice")
	bob   = member("bob")
	chloe = member("chloe")
)

func member(name string) uuid.UUID {
	id := uuid.NewSHA1(uuid.NameSpaceOID, []byte(name))
	names[id] = name
	return id
}

func zone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

var paris = zone("Europe/Paris")

// hm parses "09:30" into a Range bound.
func hm(s string) int {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil {
		panic(err)
	}
	return h*60 + m
}

// daily opens every day of the week, so DST Sundays are open too.
func daily(pairs ...string) Week {
	var rs []Range
	for i := 0; i < len(pairs); i += 2 {
		rs = append(rs, Range{hm(pairs[i]), hm(pairs[i+1])})
	}
	var w Week
	for d := range w {
		w[d] = rs
	}
	return w
}

// clock lists wall times from first to last every step minutes.
func clock(first, last string, step int) []string {
	var out []string
	for m := hm(first); m <= hm(last); m += step {
		out = append(out, fmt.Sprintf("%02d:%02d", m/60, m%60))
	}
	return out
}

// at is a wall-clock instant in loc on date ("2026-06-15 09:30").
func at(loc *time.Location, s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		panic(err)
	}
	return t
}

func iv(loc *time.Location, from, to string) Interval {
	return Interval{at(loc, from), at(loc, to)}
}

func worker(id uuid.UUID, hours Week, busy ...Interval) Staff {
	return Staff{ID: id, Hours: hours, Busy: busy, Services: map[uuid.UUID]bool{cut.ID: true, color.ID: true}}
}

type tc struct {
	name  string
	salon Salon
	staff []Staff
	query Query
	// want lists starts as salon wall clock: "15:04", or "02 15:04" when
	// multiDay, followed by the free staff names when withStaff.
	want      []string
	multiDay  bool
	withStaff bool
	utc       []string // if set, the starts in UTC: "2006-01-02 15:04"
}

const mon = "2026-06-15" // a Monday

// base is a salon open 09:00–12:00 with alice working all day, queried for
// one hour-long cut on Monday, asked on the previous day.
func base(name string) tc {
	return tc{
		name:  name,
		salon: Salon{Location: paris, Hours: daily("09:00", "12:00"), Step: 15 * time.Minute},
		staff: []Staff{worker(alice, daily("00:00", "24:00"))},
		query: query(paris, mon, 1, cut),
	}
}

func query(loc *time.Location, date string, days int, services ...Service) Query {
	from := at(loc, date+" 00:00")
	return Query{Services: services, From: from, To: from.AddDate(0, 0, days), Now: from.Add(-24 * time.Hour)}
}

func render(c tc, slots []Slot) []string {
	layout := "15:04"
	if c.multiDay {
		layout = "02 15:04"
	}
	out := []string{}
	for _, s := range slots {
		line := s.Start.Format(layout)
		if c.withStaff {
			for _, id := range s.Staff {
				line += " " + names[id]
			}
		}
		out = append(out, line)
	}
	return out
}

func TestFind(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.name, func(t *testing.T) {
			slots := Find(c.salon, c.staff, c.query)
			want := c.want
			if want == nil {
				want = []string{}
			}
			require.Equal(t, want, render(c, slots))
			for _, s := range slots {
				require.Equal(t, c.salon.Location, s.Start.Location())
			}
			if c.utc != nil {
				got := make([]string, len(slots))
				for i, s := range slots {
					got[i] = s.Start.UTC().Format("2006-01-02 15:04")
				}
				require.Equal(t, c.utc, got)
			}
		})
	}
}

func TestNilLocationIsUTC(t *testing.T) {
	c := base("")
	c.salon.Location = nil
	c.query = query(time.UTC, mon, 1, cut)
	slots := Find(c.salon, c.staff, c.query)
	require.Len(t, slots, 9)
	require.Equal(t, at(time.UTC, mon+" 09:00"), slots[0].Start)
}

func TestOccupied(t *testing.T) {
	require.Equal(t, 110*time.Minute, Occupied([]Service{cut, color}))
	require.Zero(t, Occupied(nil))
}

func withPrefix(prefix string, list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = prefix + s
	}
	return out
}
