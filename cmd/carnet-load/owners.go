package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// signInAll signs every salon's owner in, once, before the run: each gets
// a browser (cookie jar) that the agenda and clients requests reuse, and
// signing in is not measured. Two at a time, since each sign-in costs the
// server a password hash (bounded to a few at once, ~30 ms of CPU each).
// Every salon that cannot be entered is reported, then the run stops.
func signInAll(ctx context.Context, w io.Writer, client *http.Client, cfg config, salons []salon) error {
	errs := make([]error, len(salons))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	var done atomic.Int64
	for i := range salons {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			// Their own addresses, apart from the measured requests' 10.x pool.
			ip := fmt.Sprintf("172.16.%d.%d", i>>8&0xff, i&0xff)
			errs[i] = signIn(ctx, client, cfg, &salons[i], ip)
			if n := done.Add(1); n%100 == 0 || int(n) == len(salons) {
				fmt.Fprintf(w, "carnet-load: %d/%d owners tried\n", n, len(salons))
			}
		}()
	}
	wg.Wait()
	var failed []string
	for i, err := range errs {
		if err != nil {
			failed = append(failed, fmt.Sprintf("  %s: %v", salons[i].slug, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d salons cannot be entered by their owner:\n%s", len(failed), len(salons),
			strings.Join(failed, "\n"))
	}
	return nil
}

// signIn does what the login form does, then opens the client list: the
// owner must land in this salon's back office with no other step (a second
// factor, a choice of salon…), and the list gives names to search for.
func signIn(ctx context.Context, client *http.Client, cfg config, s *salon, ip string) error {
	v := newVisitor(ctx, client, cfg.base, ip)
	email := ownerEmail(cfg.owner, s.slug)
	if err := v.login(email, cfg.password); err != nil {
		return fmt.Errorf("sign in as %s: %w", email, err)
	}
	a, err := v.do(http.MethodGet, "/app/clients", nil, false)
	if err != nil {
		return fmt.Errorf("open /app/clients as %s: %w", email, err)
	}
	if a.status != http.StatusOK {
		where := ""
		if a.location != "" {
			where = " to " + a.location
		}
		return fmt.Errorf("signed in as %s, /app/clients answered %d%s: this owner has a step the tool does not take (second factor, choice of salon, suspension…)",
			email, a.status, where)
	}
	doc, err := parseHTML(a.body)
	if err != nil {
		return err
	}
	if got := backOfficeName(doc); got != s.name {
		return fmt.Errorf("signed in as %s, the back office is %q, not %q: the owner has several salons and another one opened", email, got, s.name)
	}
	s.owner, s.prefixes = v.client, namePrefixes(doc)
	return nil
}

// login submits the login form with the page's CSRF token, retrying a 429
// after its Retry-After, a few times.
func (v visitor) login(email, password string) error {
	for try := 1; ; try++ {
		page, err := v.page("/login", false)
		if err != nil {
			return fmt.Errorf("GET /login: %w", err)
		}
		f, err := postForm(page, "/login")
		if err != nil {
			return err
		}
		f.values.Set("email", email)
		f.values.Set("password", password)
		a, err := v.do(http.MethodPost, f.action, f.values, false)
		if err != nil {
			return fmt.Errorf("POST /login: %w", err)
		}
		switch {
		case a.status == http.StatusSeeOther:
			return nil
		case a.status == http.StatusTooManyRequests && try < 4:
			wait := retryAfter(a)
			select {
			case <-time.After(wait):
				continue
			case <-v.ctx.Done():
				return v.ctx.Err()
			}
		}
		why := ""
		if doc, err := parseHTML(a.body); err == nil {
			why = ": " + refusal(doc)
		}
		return fmt.Errorf("POST /login answered %d%s", a.status, why)
	}
}

// retryAfter reads a 429's Retry-After seconds (60 when absent, as Carnet sends).
func retryAfter(a answer) time.Duration {
	if n, err := strconv.Atoi(a.retryAfter); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return time.Minute
}

// ownerEmail is the owner's address for a salon: the pattern with %s
// replaced by the slug (owner@%s.test gives the seed's owners).
func ownerEmail(pattern, slug string) string {
	return strings.ReplaceAll(pattern, "%s", slug)
}
