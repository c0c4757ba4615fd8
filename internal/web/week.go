package web

import (
	"strconv"
	"strings"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/salon"
)

// weekForm is a week of hours as typed, one text per weekday (day0 is
// Sunday, as time.Weekday): "09:00-12:30, 13:30-19:00", empty for a day off.
// The salon's opening hours and a staff member's working hours embed it; the
// areas name a day's problems salon.DayField, Days[2] for Tuesday.
type weekForm struct {
	Day0 string `form:"day0" field:"Days[0]"`
	Day1 string `form:"day1" field:"Days[1]"`
	Day2 string `form:"day2" field:"Days[2]"`
	Day3 string `form:"day3" field:"Days[3]"`
	Day4 string `form:"day4" field:"Days[4]"`
	Day5 string `form:"day5" field:"Days[5]"`
	Day6 string `form:"day6" field:"Days[6]"`
}

func (f *weekForm) days() [7]*string {
	return [7]*string{&f.Day0, &f.Day1, &f.Day2, &f.Day3, &f.Day4, &f.Day5, &f.Day6}
}

// week reads each day's ranges; a day that does not read as hours is
// recorded under its form field and left empty. Whether the ranges make
// sense (in order, not overlapping) is the area's rule.
func (f weekForm) week(errs apperr.Fields) availability.Week {
	var w availability.Week
	for d, text := range f.days() {
		rs, ok := parseRanges(*text)
		if !ok {
			errs.Add("day"+strconv.Itoa(d), "hours.format")
		}
		w[d] = rs
	}
	return w
}

// weekFormOf writes a saved week the way the form shows it.
func weekFormOf(w availability.Week) weekForm {
	var f weekForm
	for d, text := range f.days() {
		*text = salon.FormatRanges(w[d])
	}
	return f
}

// parseRanges reads a day's hours as people write them — "9h-12h30,
// 13:30–19:00", "fermé" — into ranges, in the order written.
func parseRanges(s string) ([]availability.Range, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "fermé") || strings.EqualFold(s, "closed") {
		return nil, true
	}
	var out []availability.Range
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		part = strings.NewReplacer("–", "-", "—", "-", " à ", "-", " to ", "-").Replace(strings.TrimSpace(part))
		from, to, ok := strings.Cut(part, "-")
		if !ok {
			return nil, false
		}
		a, okA := parseClock(from)
		b, okB := parseClock(to)
		if !okA || !okB {
			return nil, false
		}
		out = append(out, availability.Range{From: a, To: b})
	}
	return out, true
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
