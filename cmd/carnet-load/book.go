package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// visitor is one browser: its own cookies (Carnet's CSRF cookie) and its
// own address, over the run's shared connections.
type visitor struct {
	ctx    context.Context
	client *http.Client
	base   string
	ip     string
}

func newVisitor(ctx context.Context, client *http.Client, base, ip string) visitor {
	jar, _ := cookiejar.New(nil) // never fails without options
	c := *client
	c.Jar = jar
	return visitor{ctx: ctx, client: &c, base: base, ip: ip}
}

// answer is a response read to its last byte.
type answer struct {
	status     int
	body       []byte
	location   string // of a redirect, resolved against the request's URL
	retryAfter string
}

// do sends one request as the browser would: a form is url-encoded, an
// htmx request says so.
func (v visitor) do(method, path string, form url.Values, htmx bool) (answer, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	target := path
	if !strings.HasPrefix(path, "http://") && !strings.HasPrefix(path, "https://") {
		target = v.base + path
	}
	req, err := http.NewRequestWithContext(v.ctx, method, target, body)
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("X-Forwarded-For", v.ip)
	req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if htmx {
		req.Header.Set("HX-Request", "true")
	}
	resp, err := v.client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	a := answer{status: resp.StatusCode, retryAfter: resp.Header.Get("Retry-After")}
	if a.body, err = io.ReadAll(resp.Body); err != nil {
		return a, err
	}
	if loc, err := resp.Location(); err == nil {
		a.location = loc.String()
	}
	return a, nil
}

// book is a client booking a payment-free service the way a browser does:
// the service's page, sometimes one staff member's, the times of a day of
// the strip that has some, the details form of one of its times, then the
// form sent with a made-up client and the booking's own page it leads to.
// Only that last step, from sending to the booking's page, is the
// measured latency: the steps before are pages the other kinds measure.
// A time taken meanwhile is an outcome of its own, not an error.
func book(ctx context.Context, client *http.Client, cfg config, t target, ip string, i int, due time.Time) sample {
	s := sample{kind: "book"}
	v := newVisitor(ctx, client, cfg.base, ip)
	r := rand.New(rand.NewPCG(t.pick, 0))
	began := time.Now()
	s.lag = began.Sub(due)

	f, step, err := v.chooseTime(r, t.path)
	if err != nil {
		s.step, s.errKind = step, err.Error()
		return s
	}
	if f.needsPayment() {
		// The salon page showed no payment, the form asks for one: booking
		// it would open a payment (Stripe) the tool must never start.
		s.step, s.errKind = "details", "payment"
		return s
	}
	fillClient(f.values, t.pick, t.run, i)

	began = time.Now()
	sent, err := v.do(http.MethodPost, f.action, f.values, false)
	if err == nil && sent.status == http.StatusSeeOther {
		if !strings.Contains(sent.location, "/b/"+t.sal.slug+"/m/") {
			s.latency, s.status, s.errKind = time.Since(began), 0, "not-booked"
			return s
		}
		sent, err = v.do(http.MethodGet, sent.location, nil, false)
	}
	s.latency = time.Since(began)
	if err != nil {
		s.errKind = classify(err)
		return s
	}
	s.status = sent.status
	if sent.status == http.StatusConflict {
		if doc, err := parseHTML(sent.body); err == nil && timeRefused(doc) {
			s.taken = true
		}
	}
	return s
}

// chooseTime walks from the service page to the details form of a free
// time; on failure it names the step that failed and why.
func (v visitor) chooseTime(r *rand.Rand, servicePage string) (form, string, error) {
	page, err := v.page(servicePage, false)
	if err != nil {
		return form{}, "service", err
	}
	if who := staffChoices(page); len(who) > 0 && r.IntN(2) == 0 {
		if page, err = v.page(who[r.IntN(len(who))], false); err != nil {
			return form{}, "staff", err
		}
	}
	days := openDays(page)
	if len(days) == 0 {
		return form{}, "times", fmt.Errorf("no-time")
	}
	times, err := v.page(days[r.IntN(len(days))], true)
	if err != nil {
		return form{}, "times", err
	}
	links := timeLinks(times)
	if len(links) == 0 {
		return form{}, "times", fmt.Errorf("no-time")
	}
	details, err := v.page(links[r.IntN(len(links))], false)
	if err != nil {
		return form{}, "details", err
	}
	f, err := postForm(details, "/book")
	if err != nil {
		return form{}, "details", fmt.Errorf("no-form")
	}
	return f, "", nil
}

// page GETs a page that must answer 200 and parses it; the error is short,
// for the report: a status or a transport class.
func (v visitor) page(path string, htmx bool) (*goquery.Document, error) {
	a, err := v.do(http.MethodGet, path, nil, htmx)
	if err != nil {
		return nil, fmt.Errorf("%s", classify(err))
	}
	if a.status != http.StatusOK {
		return nil, fmt.Errorf("%d", a.status)
	}
	doc, err := parseHTML(a.body)
	if err != nil {
		return nil, fmt.Errorf("html")
	}
	return doc, nil
}

// fillClient types a made-up client, different for every booking of a run
// (the booking limits count per email and per phone), and from one run to
// the next, with addresses that can never receive mail (.test is reserved).
func fillClient(f url.Values, pick, run uint64, i int) {
	first := [...]string{"Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Lucas", "Hugo", "Emma", "Jade"}
	last := [...]string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"}
	f.Set("first_name", first[pick%10])
	f.Set("last_name", last[pick/10%10])
	f.Set("email", fmt.Sprintf("load-%x-%d@carnet-load.test", run%0x1000000, i))
	// A French mobile: 06 and 8 digits, the request's number after the run's.
	f.Set("phone", fmt.Sprintf("06%08d", (run+uint64(i))%100_000_000))
	f.Set("accept_terms", "1")
}
