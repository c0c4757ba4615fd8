package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"time"
)

// daysAhead matches the public date strip (web.PublicDays): the fragment is
// only ever asked for those days by a real visitor.
const daysAhead = 14

// discoverServices reads the salon page once and keeps the services bookable
// online, in page order. Services "by phone" have no link and are skipped,
// like a visitor would.
func discoverServices(ctx context.Context, client *http.Client, base, slug string) ([]string, error) {
	url := base + "/b/" + slug
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	re := regexp.MustCompile(`href="/b/` + regexp.QuoteMeta(slug) + `/s/([0-9a-fA-F-]{36})"`)
	seen := map[string]bool{}
	var ids []string
	for _, m := range re.FindAllStringSubmatch(string(body), -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			ids = append(ids, m[1])
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("GET %s: no service link (href=\"/b/%s/s/{id}\") in the page", url, slug)
	}
	return ids, nil
}

// target is one request to send; kind names the scenario it is reported under.
type target struct {
	kind string
	path string
	htmx bool
}

// targets hands out the i-th request of a run. It is a pure function of i so
// that the pacer needs no lock and a run is reproducible.
type targets struct {
	scenario string
	salons   []salon
	dates    []string
}

// newTargets fixes the 14 dates at the start of the run (machine's local
// date; the salon's own today may differ by a day around midnight, which
// only shifts the strip).
func newTargets(cfg config, salons []salon, now time.Time) targets {
	t := targets{scenario: cfg.scenario, salons: salons}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	for i := range daysAhead {
		t.dates = append(t.dates, day.AddDate(0, 0, i).Format(time.DateOnly))
	}
	return t
}

func (t targets) at(i int) target {
	kind := t.scenario
	if kind == "mix" {
		kind = [...]string{"page", "slots"}[i%2]
		i /= 2 // so the slots requests of a mix still walk every service and date
	}
	// Salons rotate fastest, so every salon is visited in turn and a
	// server's caches see the whole data set, not one salon.
	sal := t.salons[i%len(t.salons)]
	i /= len(t.salons)
	if kind == "page" {
		return target{kind: "page", path: "/b/" + sal.slug}
	}
	// Services rotate next and dates advance once per round of services,
	// so every (service, date) pair comes up even when 14 and the number
	// of services share a factor.
	svc := sal.services[i%len(sal.services)]
	date := t.dates[(i/len(sal.services))%len(t.dates)]
	return target{kind: "slots", path: "/b/" + sal.slug + "/s/" + svc + "/slots?date=" + date, htmx: true}
}

// clientIP is the X-Forwarded-For of the i-th request: a pool of 10.x.y.z
// addresses walked in turn, so at 1,000 req/s a 65,536 pool reuses an address
// about once a minute, far below the 240/min slots limit.
func clientIP(i, pool int) string {
	n := i % pool
	return fmt.Sprintf("10.%d.%d.%d", n>>16&0xff, n>>8&0xff, n&0xff)
}
