package salon

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
)

// DayField is the name, in a field error, of a weekday's hours: Days[2] is
// Tuesday's (index = time.Weekday), for the salon's week as for a staff member's.
func DayField(d int) string { return "Days[" + strconv.Itoa(d) + "]" }

// CheckWeek reports the problems of a week's hours under each bad day's
// DayField: a range that does not end after it starts or leaves the day, or
// two ranges of a day that overlap. Ranges may come in any order.
func CheckWeek(w availability.Week) apperr.Fields {
	f := apperr.Fields{}
	for d, ranges := range w {
		if problem := checkDay(ranges); problem != "" {
			f.Add(DayField(d), problem)
		}
	}
	return f
}

func checkDay(ranges []availability.Range) string {
	for _, r := range ranges {
		if r.From < 0 || r.To > 24*60 {
			return "hours.format"
		}
		if r.From >= r.To {
			return "hours.order"
		}
	}
	sorted := slices.Clone(ranges)
	slices.SortFunc(sorted, func(x, y availability.Range) int { return x.From - y.From })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].From < sorted[i-1].To {
			return "hours.overlap"
		}
	}
	return ""
}

// FormatRanges writes ranges back the way the form shows them: "09:00-12:30, 13:30-19:00".
func FormatRanges(rs []availability.Range) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = Clock(r.From) + "-" + Clock(r.To)
	}
	return strings.Join(parts, ", ")
}

// Clock writes minutes from midnight as HH:MM.
func Clock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// MinutesOf converts a stored time of day to minutes from midnight (24:00 included).
func MinutesOf(t pgtype.Time) int { return int(t.Microseconds / 60_000_000) }

// PGTime converts minutes from midnight to a stored time of day.
func PGTime(min int) pgtype.Time {
	return pgtype.Time{Microseconds: int64(min) * 60_000_000, Valid: true}
}
