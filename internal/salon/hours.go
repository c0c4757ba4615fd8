package salon

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/carnet-salon/carnet/internal/availability"
)

// ParseRanges reads a day's hours as people write them — "9h-12h30, 13:30–19:00"
// — into sorted, non-overlapping ranges. An empty string is a day off. It
// returns the i18n key of the problem, if any.
func ParseRanges(s string) ([]availability.Range, string) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "fermé") || strings.EqualFold(s, "closed") {
		return nil, ""
	}
	var out []availability.Range
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		part = strings.NewReplacer("–", "-", "—", "-", " à ", "-", " to ", "-").Replace(strings.TrimSpace(part))
		from, to, ok := strings.Cut(part, "-")
		if !ok {
			return nil, "hours.format"
		}
		a, okA := parseClock(from)
		b, okB := parseClock(to)
		if !okA || !okB {
			return nil, "hours.format"
		}
		if a >= b {
			return nil, "hours.order"
		}
		out = append(out, availability.Range{From: a, To: b})
	}
	slices.SortFunc(out, func(x, y availability.Range) int { return x.From - y.From })
	for i := 1; i < len(out); i++ {
		if out[i].From < out[i-1].To {
			return nil, "hours.overlap"
		}
	}
	return out, ""
}

// parseClock reads "9", "9h", "9h30", "09:30", "24:00" as minutes from midnight.
func parseClock(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Replace(s, "h", ":", 1)
	hs, ms, _ := strings.Cut(s, ":")
	h, err := strconv.Atoi(strings.TrimSpace(hs))
	if err != nil || h < 0 || h > 24 {
		return 0, false
	}
	m := 0
	if ms = strings.TrimSpace(ms); ms != "" {
		if m, err = strconv.Atoi(ms); err != nil || m < 0 || m > 59 || len(ms) != 2 {
			return 0, false
		}
	}
	if h == 24 && m != 0 {
		return 0, false
	}
	return h*60 + m, true
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
