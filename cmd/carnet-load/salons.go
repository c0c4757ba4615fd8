package main

import (
	"context"
	"fmt"
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

// salon is one salon of the run and the services a visitor can book there.
type salon struct {
	slug     string
	services []string
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
			out[i].slug = slug
			out[i].services, errs[i] = discoverServices(ctx, client, base, slug)
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
