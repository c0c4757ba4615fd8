package main

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func testSalons() []salon {
	return []salon{
		{slug: "salon-0001", services: []string{"s1", "s2"}, free: []string{"s2"}, prefixes: []string{"ben"}},
		{slug: "salon-0002", services: []string{"p1"}}, // every service takes a payment: never booked
		{slug: "salon-0003", services: []string{"t1", "t2", "t3"}, free: []string{"t1", "t3"}},
	}
}

func TestBlendAddsUpToAHundred(t *testing.T) {
	sum, seen := 0, map[string]int{}
	for _, b := range blend {
		sum += b.percent
	}
	if sum != 100 {
		t.Fatalf("blend adds up to %d %%", sum)
	}
	for n := range 100 {
		seen[blendAt(n)]++
	}
	for _, b := range blend {
		if seen[b.kind] != b.percent {
			t.Errorf("%s drawn %d times in 100, want %d", b.kind, seen[b.kind], b.percent)
		}
	}
}

func TestAllSendsEveryKindToWhereItBelongs(t *testing.T) {
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	tg := newTargets(config{scenario: "all", seed: 7}, testSalons(), now)
	count := map[string]int{}
	searches := 0
	const n = 20000
	for i := range n {
		tr := tg.at(i)
		count[tr.kind]++
		switch tr.kind {
		case "book":
			if tr.sal.slug == "salon-0002" {
				t.Fatalf("request %d books at a salon with nothing bookable without paying", i)
			}
			svc := tr.path[strings.LastIndex(tr.path, "/")+1:]
			if tr.path != "/b/"+tr.sal.slug+"/s/"+svc || !slices.Contains(tr.sal.free, svc) {
				t.Fatalf("request %d books %s: not a free service's page", i, tr.path)
			}
		case "agenda":
			day, err := time.Parse(time.DateOnly, strings.TrimPrefix(tr.path, "/app/agenda?date="))
			if err != nil || day.Before(time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)) || !day.Before(time.Date(2027, 3, 7, 0, 0, 0, 0, time.UTC)) {
				t.Fatalf("request %d opens %s: not a day of the seeded year", i, tr.path)
			}
		case "clients":
			if tr.path != "/app/clients" {
				searches++
				if tr.path != "/app/clients?q=ben&category=&sort=name" || !tr.htmx || tr.sal.slug != "salon-0001" {
					t.Fatalf("request %d searches %s (htmx %v) at %s", i, tr.path, tr.htmx, tr.sal.slug)
				}
			}
		}
		if (tr.kind == "agenda" || tr.kind == "clients") && tr.sal == nil {
			t.Fatalf("request %d (%s) has no salon to sign in to", i, tr.kind)
		}
	}
	for _, b := range blend {
		if got := float64(count[b.kind]) / n * 100; got < float64(b.percent)-1 || got > float64(b.percent)+1 {
			t.Errorf("%s: %.1f %% of requests, want %d %%", b.kind, got, b.percent)
		}
	}
	if searches == 0 {
		t.Error("no client search in the run")
	}
	if again := newTargets(config{scenario: "all", seed: 7}, testSalons(), now); again.at(12345) != tg.at(12345) {
		t.Error("the same seed gave another request: runs are not reproducible")
	}
}

func TestMixStillAlternatesPageAndSlots(t *testing.T) {
	tg := newTargets(config{scenario: "mix"}, testSalons(), time.Now())
	for i := range 12 {
		want := [...]string{"page", "slots"}[i%2]
		if got := tg.at(i).kind; got != want {
			t.Errorf("request %d is %s, want %s", i, got, want)
		}
	}
}

func TestEveryBookingHasItsOwnClient(t *testing.T) {
	emails, phones := map[string]bool{}, map[string]bool{}
	mobile := regexp.MustCompile(`^06[0-9]{8}$`)
	for i := range 1000 {
		f := url.Values{}
		fillClient(f, uint64(i)*2654435761, 1765119600123456789, i)
		if emails[f.Get("email")] || phones[f.Get("phone")] {
			t.Fatalf("booking %d repeats a client: %v", i, f)
		}
		emails[f.Get("email")], phones[f.Get("phone")] = true, true
		if !mobile.MatchString(f.Get("phone")) || !strings.HasSuffix(f.Get("email"), ".test") || f.Get("accept_terms") != "1" {
			t.Fatalf("booking %d: %v", i, f)
		}
	}
}

func TestCompareStaysOnPageAndSlots(t *testing.T) {
	for _, sc := range []string{"page", "slots", "mix", "book", "agenda", "clients", "all"} {
		cfg := config{scenario: sc, compare: "http://localhost:8094", slug: "demo", rate: 1, duration: time.Second,
			workers: 1, ips: 1, rounds: 1, owner: seedOwner}
		err := cfg.validate()
		if ok := sc == "page" || sc == "slots"; ok != (err == nil) {
			t.Errorf("-compare with -scenario %s: %v", sc, err)
		}
		cfg.compare = ""
		if err := cfg.validate(); err != nil {
			t.Errorf("-scenario %s: %v", sc, err)
		}
	}
	cfg := config{scenario: "agenda", slug: "demo", rate: 1, duration: time.Second, workers: 1, ips: 1, rounds: 1, owner: "owner@demo.test"}
	if cfg.validate() == nil {
		t.Error("an -owner without the slug placeholder was accepted: every salon would sign in as one owner")
	}
}
