package availability

import (
	"cmp"
	"slices"
	"sort"
)

// span is a half-open interval of Unix nanoseconds. Integers rather than
// time.Time keep the hot loops free of location pointers and method calls.
type span struct{ start, end int64 }

// appendIntervals appends the non-empty intervals, clamped to the window.
func appendIntervals(dst []span, ivs []Interval, w window) []span {
	for _, iv := range ivs {
		if sp := (span{w.nanos(iv.Start), w.nanos(iv.End)}); sp.start < sp.end {
			dst = append(dst, sp)
		}
	}
	return dst
}

// sortMerge sorts spans in place and merges those that overlap or touch.
func sortMerge(s []span) []span {
	slices.SortFunc(s, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	out := s[:0]
	for _, x := range s {
		if n := len(out); n > 0 && x.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, x.end)
			continue
		}
		out = append(out, x)
	}
	return out
}

// intersect appends a ∩ b; both sorted and merged.
func intersect(dst, a, b []span) []span {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if sp := (span{max(a[i].start, b[j].start), min(a[i].end, b[j].end)}); sp.start < sp.end {
			dst = append(dst, sp)
		}
		if a[i].end < b[j].end {
			i++
		} else {
			j++
		}
	}
	return dst
}

// subtract appends from − cut; both sorted and merged. cut may cover the
// whole query, so the search jumps straight to the first span that matters.
func subtract(dst, from, cut []span) []span {
	if len(from) == 0 {
		return dst
	}
	j := sort.Search(len(cut), func(i int) bool { return cut[i].end > from[0].start })
	for _, f := range from {
		for j < len(cut) && cut[j].end <= f.start {
			j++
		}
		s := f.start
		for k := j; k < len(cut) && cut[k].start < f.end; k++ {
			if cut[k].start > s {
				dst = append(dst, span{s, cut[k].start})
			}
			s = max(s, cut[k].end)
		}
		if s < f.end {
			dst = append(dst, span{s, f.end})
		}
	}
	return dst
}
