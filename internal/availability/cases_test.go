package availability

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// with tweaks the base case for one behaviour.
func with(name string, tweak func(c *tc)) tc {
	c := base(name)
	tweak(&c)
	return c
}

func cases() []tc {
	return slices.Concat(dayCases(), visitCases(), staffCases(), blockCases(), timeCases(), zoneCases())
}

func dayCases() []tc {
	return []tc{
		with("plain day: starts from opening to last fitting start", func(c *tc) {
			c.want = clock("09:00", "11:00", 15)
		}),
		with("grid is aligned on local midnight, not on opening", func(c *tc) {
			c.salon.Hours = daily("09:10", "11:00")
			c.salon.Step = 20 * time.Minute
			c.want = []string{"09:20", "09:40", "10:00"}
		}),
		with("zero step defaults to 15 minutes", func(c *tc) {
			c.salon.Step = 0
			c.want = clock("09:00", "11:00", 15)
		}),
		with("lunch break splits the day, ranges unsorted", func(c *tc) {
			c.salon.Hours = daily("13:30", "15:00", "09:00", "12:30")
			c.want = append(clock("09:00", "11:30", 15), clock("13:30", "14:00", 15)...)
		}),
		with("range end exactly fits the visit", func(c *tc) {
			c.salon.Hours = daily("09:00", "10:00")
			c.want = []string{"09:00"}
		}),
		with("visit one minute too long does not fit", func(c *tc) {
			c.salon.Hours = daily("09:00", "10:00")
			c.query.Services = []Service{{ID: cut.ID, Duration: 61 * time.Minute}}
		}),
		with("closed weekday has no slots", func(c *tc) {
			c.salon.Hours[time.Monday] = nil
		}),
		with("query To is exclusive", func(c *tc) {
			c.query.To = at(paris, mon+" 10:00")
			c.want = clock("09:00", "09:45", 15)
		}),
	}
}

func visitCases() []tc {
	return []tc{
		with("buffer after must end within hours", func(c *tc) {
			c.salon.Hours = daily("09:00", "10:00")
			c.query.Services = []Service{{ID: cut.ID, Duration: 50 * time.Minute, BufferAfter: 15 * time.Minute}}
		}),
		with("buffer after blocks the next start", func(c *tc) {
			c.salon.Hours = daily("09:00", "13:00")
			c.staff[0].Busy = []Interval{iv(paris, mon+" 10:00", mon+" 11:15")}
			c.query.Services = []Service{{ID: cut.ID, Duration: 30 * time.Minute, BufferAfter: 15 * time.Minute}}
			c.want = append(clock("09:00", "09:15", 15), clock("11:15", "12:15", 15)...)
		}),
		with("multi-service visit occupies the sum of durations and buffers", func(c *tc) {
			c.query.Services = []Service{{ID: cut.ID, Duration: 30 * time.Minute, BufferAfter: 10 * time.Minute}, color}
			c.want = clock("09:00", "10:30", 15)
		}),
		with("empty visit has no slots", func(c *tc) {
			c.query.Services = nil
		}),
	}
}

func staffCases() []tc {
	team := func(c *tc) {
		c.salon.Hours = daily("09:00", "11:00")
		c.salon.Step = 30 * time.Minute
		c.staff = []Staff{
			worker(chloe, daily("09:00", "18:00")),
			worker(alice, daily("09:00", "18:00"), iv(paris, mon+" 09:00", mon+" 10:00")),
			worker(bob, daily("09:00", "18:00"), iv(paris, mon+" 10:00", mon+" 11:00")),
		}
		c.withStaff = true
	}
	return []tc{
		with("anyone: union of staff, free ones listed in input order", func(c *tc) {
			team(c)
			c.want = []string{"09:00 chloe bob", "09:30 chloe", "10:00 chloe alice"}
		}),
		with("specific staff: only their free starts", func(c *tc) {
			team(c)
			c.query.StaffID = alice
			c.want = []string{"10:00 alice"}
		}),
		with("unknown staff has no slots", func(c *tc) {
			team(c)
			c.query.StaffID = uuid.MustParse("00000000-0000-0000-0000-00000000dead")
		}),
		with("anyone excludes staff missing a service of the visit", func(c *tc) {
			team(c)
			c.staff[0].Services = map[uuid.UUID]bool{cut.ID: true}
			c.query.Services = []Service{{ID: cut.ID, Duration: 30 * time.Minute}, {ID: color.ID, Duration: 30 * time.Minute}}
			c.want = []string{"09:00 bob", "10:00 alice"}
		}),
		with("specific staff missing a service has no slots", func(c *tc) {
			team(c)
			c.staff[0].Services = map[uuid.UUID]bool{cut.ID: true}
			c.query.StaffID = chloe
			c.query.Services = []Service{cut, color}
		}),
		with("staff hours narrower than opening hours", func(c *tc) {
			c.salon.Hours = daily("08:00", "18:00")
			c.staff[0].Hours = daily("10:00", "12:00")
			c.want = clock("10:00", "11:00", 15)
		}),
		with("opening hours narrower than staff hours", func(c *tc) {
			c.salon.Hours = daily("10:00", "12:00")
			c.staff[0].Hours = daily("08:00", "20:00")
			c.want = clock("10:00", "11:00", 15)
		}),
		with("overlapping hours intersect", func(c *tc) {
			c.salon.Hours = daily("10:00", "13:00")
			c.staff[0].Hours = daily("08:00", "11:15")
			c.want = []string{"10:00", "10:15"}
		}),
	}
}

func blockCases() []tc {
	twoDays := func(c *tc) {
		c.query = query(paris, mon, 2, cut)
		c.multiDay = true
	}
	return []tc{
		with("busy intervals overlapping and unsorted are merged", func(c *tc) {
			c.salon.Hours = daily("09:00", "13:00")
			c.staff[0].Busy = []Interval{
				iv(paris, mon+" 11:00", mon+" 12:00"),
				iv(paris, mon+" 09:30", mon+" 10:30"),
				iv(paris, mon+" 10:00", mon+" 11:15"),
			}
			c.query.Services = []Service{{ID: cut.ID, Duration: 30 * time.Minute}}
			c.want = []string{"09:00", "12:00", "12:15", "12:30"}
		}),
		with("partial-day absence", func(c *tc) {
			c.salon.Hours = daily("09:00", "17:00")
			c.staff[0].Absences = []Interval{iv(paris, mon+" 10:00", mon+" 14:00")}
			c.want = append([]string{"09:00"}, clock("14:00", "16:00", 15)...)
		}),
		with("full-day absence leaves the other day", func(c *tc) {
			twoDays(c)
			c.staff[0].Absences = []Interval{iv(paris, mon+" 00:00", "2026-06-16 00:00")}
			c.want = withPrefix("16 ", clock("09:00", "11:00", 15))
		}),
		with("partial-day salon closure", func(c *tc) {
			c.salon.Closures = []Interval{iv(paris, mon+" 09:30", mon+" 11:00")}
			c.want = []string{"11:00"}
		}),
		with("full-day salon closure leaves the other day", func(c *tc) {
			twoDays(c)
			c.salon.Closures = []Interval{iv(paris, "2026-06-16 00:00", "2026-06-17 00:00")}
			c.want = withPrefix("15 ", clock("09:00", "11:00", 15))
		}),
	}
}

func timeCases() []tc {
	return []tc{
		with("never in the past: Now in the middle of the day", func(c *tc) {
			c.query.Now = at(paris, mon+" 09:37")
			c.want = clock("09:45", "11:00", 15)
		}),
		with("Now exactly on a grid point is bookable", func(c *tc) {
			c.query.Now = at(paris, mon+" 10:00")
			c.want = clock("10:00", "11:00", 15)
		}),
		with("minimum notice pushes the first start", func(c *tc) {
			c.query.Now = at(paris, mon+" 08:07")
			c.salon.MinNotice = 2 * time.Hour
			c.want = []string{"10:15", "10:30", "10:45", "11:00"}
		}),
		with("maximum horizon is inclusive and cuts the next day", func(c *tc) {
			c.query = query(paris, mon, 2, cut)
			c.query.Now = at(paris, mon+" 08:00")
			c.salon.MaxHorizon = 26*time.Hour + 15*time.Minute
			c.multiDay = true
			c.want = append(withPrefix("15 ", clock("09:00", "11:00", 15)), "16 09:00", "16 09:15", "16 09:30", "16 09:45", "16 10:00", "16 10:15")
		}),
	}
}
