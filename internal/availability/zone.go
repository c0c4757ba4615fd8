package availability

import "time"

const day = int64(24 * time.Hour)

// window is the stretch of absolute time a Find can look at. Inputs are
// clamped to it before turning into Unix nanoseconds, so zero or far-future
// times ("absent until further notice") cannot overflow.
type window struct {
	from, to     time.Time
	fromNs, toNs int64
}

func newWindow(from, to time.Time) window {
	return window{from: from, to: to, fromNs: from.UnixNano(), toNs: to.UnixNano()}
}

func (w window) nanos(t time.Time) int64 {
	if t.Before(w.from) {
		return w.fromNs
	}
	if t.After(w.to) {
		return w.toNs
	}
	return t.UnixNano()
}

// period is a stretch of absolute time with one UTC offset.
type period struct {
	start, end int64 // Unix ns, [start, end)
	off        int64 // UTC offset, ns
}

// periods lists the UTC offsets of loc over the window, in order. A window
// of a few weeks holds one to three of them.
func periods(ps []period, loc *time.Location, w window) []period {
	for t := w.from.In(loc); ; {
		_, off := t.Zone()
		start, end := t.ZoneBounds()
		p := period{start: w.nanos(start), end: w.toNs, off: int64(off) * int64(time.Second)}
		if !end.IsZero() { // zero means the offset holds forever
			p.end = w.nanos(end)
		}
		ps = append(ps, p)
		if p.end >= w.toNs {
			return ps
		}
		t = end
	}
}

// seg is the part of one local day during which one UTC offset holds. The
// instant t reads t+off-wall on the clock, where wall is the day's midnight
// taken as if it were UTC.
type seg struct {
	start, end int64
	off        int64
	// gridFrom is the first instant of the segment whose wall time the day
	// has not shown yet: after a fall-back the repeated hour offers no
	// second set of starts.
	gridFrom int64
}

// daySegments cuts the local day starting at wall into segments.
func daySegments(dst []seg, ps []period, wall int64) []seg {
	seen := int64(0) // latest wall time of day shown so far
	for _, p := range ps {
		s := seg{start: max(p.start, wall-p.off), end: min(p.end, wall+day-p.off), off: p.off}
		if s.start >= s.end {
			continue
		}
		s.gridFrom = max(s.start, wall-p.off+seen)
		seen = max(seen, s.end+p.off-wall)
		dst = append(dst, s)
	}
	return dst
}

// wallSpans appends the absolute spans of the day whose wall clock reads
// within one of the ranges, sorted and merged. Mapping per segment makes a
// range lose the skipped hour in spring and gain the repeated one in autumn.
func wallSpans(dst []span, ranges []Range, segs []seg, wall int64) []span {
	for _, s := range segs {
		for _, r := range ranges {
			sp := span{
				start: max(s.start, wall-s.off+int64(r.From)*int64(time.Minute)),
				end:   min(s.end, wall-s.off+int64(r.To)*int64(time.Minute)),
			}
			if sp.start < sp.end {
				dst = append(dst, sp)
			}
		}
	}
	return sortMerge(dst)
}
