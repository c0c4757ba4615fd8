package main

import (
	"errors"
	"fmt"
	"html"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgtype"
)

// page is the salon's page: its name, hours and services by category.
func (h handlers) page(c *fiber.Ctx) error {
	ctx := c.Context()
	s, err := h.salonBySlug(ctx, c.Params("slug"))
	if err != nil {
		return answer(c, err)
	}
	w, err := h.read(ctx, s, nil)
	if err != nil {
		return answer(c, err)
	}
	b := make([]byte, 0, 4096)
	b = append(b, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>`...)
	b = append(b, html.EscapeString(s.name)...)
	b = append(b, `</title><link rel="stylesheet" href="/static/css/app.css"></head><body><main><h1>`...)
	b = append(b, html.EscapeString(s.name)...)
	b = append(b, `</h1><dl>`...)
	for d := range 7 {
		b = append(b, `<dt>`...)
		b = append(b, time.Weekday(d).String()...)
		b = append(b, `</dt><dd>`...)
		if oc, ok := w.hours[d]; ok {
			b = appendClock(b, oc[0])
			b = append(b, '-')
			b = appendClock(b, oc[1])
		} else {
			b = append(b, `closed`...)
		}
		b = append(b, `</dd>`...)
	}
	b = append(b, `</dl>`...)
	for _, cat := range append(w.cats, "") {
		b = appendGroup(b, w, cat)
	}
	b = append(b, `</main></body></html>`...)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(b)
}

func appendGroup(b []byte, w world, cat string) []byte {
	first := true
	for _, v := range w.services {
		if v.category != cat || len(v.staff) == 0 {
			continue
		}
		if first {
			b = append(b, `<h2>`...)
			b = append(b, html.EscapeString(w.catNames[cat])...)
			b = append(b, `</h2><div class="service-list">`...)
			first = false
		}
		b = append(b, `<a class="service-item" href="/b/`...)
		b = append(b, w.salon.slug...)
		b = append(b, `/s/`...)
		b = append(b, v.id...)
		b = append(b, `"><h3>`...)
		b = append(b, html.EscapeString(v.name)...)
		b = append(b, `</h3><span class="price">`...)
		b = strconv.AppendInt(b, v.priceCents/100, 10)
		b = append(b, fmt.Sprintf(",%02d €", v.priceCents%100)...)
		b = append(b, `</span><span>`...)
		b = strconv.AppendInt(b, int64(v.minutes), 10)
		b = append(b, ` min</span></a>`...)
	}
	if !first {
		b = append(b, `</div>`...)
	}
	return b
}

// slots is the times fragment: the free start times of one service on one day.
func (h handlers) slots(c *fiber.Ctx) error {
	ctx := c.Context()
	s, err := h.salonBySlug(ctx, c.Params("slug"))
	if err != nil {
		return answer(c, err)
	}
	date, err := time.ParseInLocation(time.DateOnly, c.Query("date"), s.loc)
	if err != nil {
		return answer(c, errNotFound)
	}
	day := span{date, date.AddDate(0, 0, 1)}
	w, err := h.read(ctx, s, &day)
	if err != nil {
		return answer(c, err)
	}
	var svc *service
	for i := range w.services {
		if w.services[i].id == c.Params("service") {
			svc = &w.services[i]
		}
	}
	if svc == nil {
		return answer(c, errNotFound)
	}
	b := make([]byte, 0, 2048)
	b = append(b, `<div id="times" class="times">`...)
	for _, t := range free(w, *svc, day, time.Now()) {
		b = append(b, `<form method="get" action="/b/`...)
		b = append(b, s.slug...)
		b = append(b, `/s/`...)
		b = append(b, svc.id...)
		b = append(b, `/book"><input type="hidden" name="start" value="`...)
		b = t.AppendFormat(b, time.RFC3339)
		b = append(b, `"><button>`...)
		b = t.AppendFormat(b, "15:04")
		b = append(b, `</button></form>`...)
	}
	b = append(b, `</div>`...)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(b)
}

// free walks the day in steps and keeps the starts at which someone who does
// the service is working and not busy: the same answer as Carnet's for
// a plain salon, without its rules (horizon, deposits, staff choice).
func free(w world, v service, day span, now time.Time) []time.Time {
	if w.closed {
		return nil
	}
	step := time.Duration(max(w.salon.step, 5)) * time.Minute
	need := time.Duration(v.minutes+v.buffer) * time.Minute
	earliest := now.Add(time.Duration(w.salon.notice) * time.Minute)
	wd := int(day.start.Weekday())
	var out []time.Time
	for t := day.start; t.Before(day.end); t = t.Add(step) {
		if t.Before(earliest) || !within(day.start, w.hours[wd], t, need) {
			continue
		}
		for _, sid := range v.staffIDs {
			hrs, ok := w.staffHrs[sid] // no hours of their own: the salon's
			if !ok {
				hrs = w.hours
			}
			if within(day.start, hrs[wd], t, need) && !overlaps(w.busy[sid], t, t.Add(need)) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

func within(day time.Time, oc [2]pgtype.Time, t time.Time, need time.Duration) bool {
	if !oc[0].Valid || !oc[1].Valid {
		return false
	}
	open := day.Add(time.Duration(oc[0].Microseconds) * time.Microsecond)
	shut := day.Add(time.Duration(oc[1].Microseconds) * time.Microsecond)
	return !t.Before(open) && !t.Add(need).After(shut)
}

func overlaps(busy []span, from, to time.Time) bool {
	for _, b := range busy {
		if b.start.Before(to) && b.end.After(from) {
			return true
		}
	}
	return false
}

func appendClock(b []byte, t pgtype.Time) []byte {
	m := t.Microseconds / 60e6
	return fmt.Appendf(b, "%02d:%02d", m/60, m%60)
}

func answer(c *fiber.Ctx, err error) error {
	if errors.Is(err, errNotFound) {
		return c.SendStatus(fiber.StatusNotFound)
	}
	return c.SendStatus(fiber.StatusServiceUnavailable)
}
