package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// slugs expands -slug and -salons: a plain slug alone, or a pattern such as
// salon-%04d over a range such as 1-1000 (the demo data set's slugs).
func slugs(pattern, span string) ([]string, error) {
	if !strings.Contains(pattern, "%") {
		return []string{pattern}, nil
	}
	lo, hi, ok := strings.Cut(span, "-")
	a, errA := strconv.Atoi(lo)
	b, errB := strconv.Atoi(hi)
	if !ok || errA != nil || errB != nil || a < 0 || b < a {
		return nil, fmt.Errorf("-salons must be a range such as 1-1000 when -slug is a pattern, not %q", span)
	}
	out := make([]string, 0, b-a+1)
	for n := a; n <= b; n++ {
		out = append(out, fmt.Sprintf(pattern, n))
	}
	return out, nil
}

// salon is one salon of the run, what a visitor can book there, and, for
// the back-office kinds, its owner's signed-in browser.
type salon struct {
	slug     string
	name     string   // as its public page shows it
	services []string // bookable online, in page order
	free     []string // of those, the ones with nothing to pay online
	owner    *http.Client
	prefixes []string // what to type to search the client list
}

// discoverAll reads every salon's page once, a few at a time; a salon
// whose page fails stops the run, since its requests would measure errors.
func discoverAll(ctx context.Context, client *http.Client, base string, slugs []string) ([]salon, error) {
	out := make([]salon, len(slugs))
	errs := make([]error, len(slugs))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, slug := range slugs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i], errs[i] = discover(ctx, client, base, slug)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// discover reads the salon page once and keeps the services bookable
// online, in page order. Services "by phone" have no link and are skipped,
// like a visitor would.
func discover(ctx context.Context, client *http.Client, base, slug string) (salon, error) {
	url := base + "/b/" + slug
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return salon{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return salon{}, fmt.Errorf("GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return salon{}, fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return salon{}, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	doc, err := parseHTML(body)
	if err != nil {
		return salon{}, fmt.Errorf("GET %s: %w", url, err)
	}
	s := salon{slug: slug, name: publicName(doc)}
	s.services, s.free = offered(doc, slug)
	if len(s.services) == 0 {
		return salon{}, fmt.Errorf("GET %s: no service link (href=\"/b/%s/s/{id}\") in the page", url, slug)
	}
	return s, nil
}
