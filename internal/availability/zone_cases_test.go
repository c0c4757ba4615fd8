package availability

import (
	"slices"
	"time"
)

// in moves the base case to date in loc, open over the given wall ranges.
func in(name string, loc *time.Location, date string, d time.Duration, hours ...string) tc {
	return with(name, func(c *tc) {
		c.salon.Location = loc
		c.salon.Hours = daily(hours...)
		c.query = query(loc, date, 1, Service{ID: cut.ID, Duration: d})
	})
}

func zoneCases() []tc {
	return slices.Concat(dstDayCases(), dstNightCases(), otherZoneCases())
}

func dstDayCases() []tc {
	spring := in("Paris spring-forward day keeps wall-clock hours", paris, "2026-03-29", time.Hour, "09:00", "18:00")
	spring.want = clock("09:00", "17:00", 15)
	spring.utc = withPrefix("2026-03-29 ", clock("07:00", "15:00", 15))

	autumn := in("Paris fall-back day keeps wall-clock hours", paris, "2026-10-25", time.Hour, "09:00", "18:00")
	autumn.want = clock("09:00", "17:00", 15)
	autumn.utc = withPrefix("2026-10-25 ", clock("08:00", "16:00", 15))
	return []tc{spring, autumn}
}

func dstNightCases() []tc {
	gap := in("Paris spring night: no 02:xx start, no duplicate", paris, "2026-03-29", 30*time.Minute, "01:00", "04:00")
	gap.want = []string{"01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30"}
	gap.utc = withPrefix("2026-03-29 ", []string{"00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30"})

	short := in("Paris spring night: the skipped hour is not working time", paris, "2026-03-29", 2*time.Hour, "01:00", "04:00")
	short.want = []string{"01:00"}

	twice := in("Paris autumn night: each wall time once, at its first occurrence", paris, "2026-10-25", 30*time.Minute, "01:00", "04:00")
	twice.salon.Step = 30 * time.Minute
	twice.want = []string{"01:00", "01:30", "02:00", "02:30", "03:00", "03:30"}
	twice.utc = []string{"2026-10-24 23:00", "2026-10-24 23:30", "2026-10-25 00:00", "2026-10-25 00:30", "2026-10-25 02:00", "2026-10-25 02:30"}

	long := in("Paris autumn night: the repeated hour is working time", paris, "2026-10-25", 90*time.Minute, "01:00", "03:00")
	long.salon.Step = 30 * time.Minute
	long.want = []string{"01:00", "01:30", "02:00", "02:30"}
	return []tc{gap, short, twice, long}
}

func otherZoneCases() []tc {
	ny, tokyo, santiago := zone("America/New_York"), zone("Asia/Tokyo"), zone("America/Santiago")

	home := in("Paris 09:00 is 07:00 UTC in summer", paris, mon, time.Hour, "09:00", "10:00")
	home.utc = []string{mon + " 07:00"}
	home.want = []string{"09:00"}

	east := in("New York 09:00 is 13:00 UTC in summer", ny, mon, time.Hour, "09:00", "10:00")
	east.utc = []string{mon + " 13:00"}
	east.want = []string{"09:00"}

	far := in("Tokyo 09:00 is 00:00 UTC", tokyo, mon, time.Hour, "09:00", "10:00")
	far.utc = []string{mon + " 00:00"}
	far.want = []string{"09:00"}

	nyBack := in("New York fall-back: 01:xx once", ny, "2026-11-01", 30*time.Minute, "00:00", "03:00")
	nyBack.salon.Step = 30 * time.Minute
	nyBack.want = []string{"00:00", "00:30", "01:00", "01:30", "02:00", "02:30"}
	nyBack.utc = withPrefix("2026-11-01 ", []string{"04:00", "04:30", "05:00", "05:30", "07:00", "07:30"})

	// Chile skips midnight itself: the local day starts at 01:00.
	noMidnight := in("Santiago spring: day starting at 01:00", santiago, "2026-09-06", 30*time.Minute, "00:00", "03:00")
	noMidnight.salon.Step = 30 * time.Minute
	noMidnight.query.From = time.Date(2026, 9, 6, 4, 0, 0, 0, time.UTC)
	noMidnight.query.To = noMidnight.query.From.Add(23 * time.Hour)
	noMidnight.want = []string{"01:00", "01:30", "02:00", "02:30"}
	noMidnight.utc = withPrefix("2026-09-06 ", []string{"04:00", "04:30", "05:00", "05:30"})
	return []tc{home, east, far, nyBack, noMidnight}
}
