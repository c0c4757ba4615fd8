package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/carnet-salon/carnet/internal/seed"
)

// The pages under testdata/ were saved from a server on a seeded data set
// (carnet demo --salons 30): salon-0002 with four services that take a
// payment online (Stripe on), salon-0003 with two that need one it cannot
// take yet (by phone).
func page(t *testing.T, name string) *goquery.Document {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parseHTML(body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestOfferedLeavesOutServicesWithAPaymentOrByPhone(t *testing.T) {
	paid := []string{"a475df79-a045-4f97-a6fb-84bbbc63f957", "00ddca78-81da-4c4b-b6ae-6f0ac747433b",
		"6d396501-dc9e-4c69-868e-009c05baaaa1", "bf17e325-b2eb-422d-9492-89fc27683a8f"}
	all, free := offered(page(t, "salon-paid.html"), "salon-0002")
	if len(all) != 42 || len(free) != 38 {
		t.Fatalf("salon-0002: %d services, %d free; want 42 and 38", len(all), len(free))
	}
	for _, id := range paid {
		if !slices.Contains(all, id) || slices.Contains(free, id) {
			t.Errorf("service %s (deposit, imprint or prepayment) should be offered but not free", id)
		}
	}

	// By phone: shown without a link, so neither bookable nor free.
	all, free = offered(page(t, "salon-byphone.html"), "salon-0003")
	if len(all) != 46 || len(free) != 46 {
		t.Errorf("salon-0003: %d services, %d free; want 46 and 46 (its 2 by phone left out)", len(all), len(free))
	}
	if all, _ := offered(page(t, "salon-byphone.html"), "salon-0002"); len(all) != 0 {
		t.Errorf("links to another salon's services were taken as this one's: %v", all)
	}
}

func TestServicePageGivesStaffDaysAndTimes(t *testing.T) {
	doc := page(t, "service.html")
	who := staffChoices(doc)
	if len(who) != 2 {
		t.Fatalf("staff chips = %v, want the 2 with a staff id (not 'anyone')", who)
	}
	for _, href := range who {
		if !strings.HasPrefix(href, "/b/salon-0001/s/364ffe44-afe6-4d45-bbe9-869f29741bdd?date=") {
			t.Errorf("staff chip %q: want the service page for that person", href)
		}
	}
	days := openDays(doc)
	if len(days) != 10 {
		t.Errorf("%d days with times, want 10 (14 shown, the 4 closed ones are no link)", len(days))
	}
	for _, d := range days {
		if !strings.Contains(d, "/slots?date=") {
			t.Errorf("day %q: want the times fragment", d)
		}
	}
	// As the page has them: a browser follows them without decoding.
	want := "/b/salon-0001/s/364ffe44-afe6-4d45-bbe9-869f29741bdd/book?start=2026-12-08T10%3A00%3A00%2B01%3A00"
	if times := timeLinks(doc); len(times) == 0 || times[0] != want {
		t.Errorf("times of the page = %v, want links to the details form, the first %s", times, want)
	}
}

func TestTimesFragmentGivesTimes(t *testing.T) {
	times := timeLinks(page(t, "times.html"))
	if len(times) < 20 {
		t.Fatalf("%d times in the fragment, want its every link", len(times))
	}
	if !slices.Contains(times, "/b/salon-0001/s/364ffe44-afe6-4d45-bbe9-869f29741bdd/book?start=2026-12-08T11%3A00%3A00%2B01%3A00") {
		t.Errorf("11:00 missing from %v", times)
	}
}

func TestBookingFormCarriesItsTokens(t *testing.T) {
	f, err := postForm(page(t, "details.html"), "/book")
	if err != nil {
		t.Fatal(err)
	}
	if f.action != "/b/salon-0001/s/364ffe44-afe6-4d45-bbe9-869f29741bdd/book" {
		t.Errorf("action = %q", f.action)
	}
	want := map[string]string{"_csrf": "6wd5xQece9RxWudjq6Sx4EIayJFFzXv76UYqAY7Ate4",
		"request_key": "Mhy65kw5cvsTgqFWDqGrvTCdHemzRL6mefZyI3Zvd8k", "start": "2026-12-08T11:00:00+01:00", "staff": "",
		"policy_hash": "156d3f80c2790f1106ea7f7f046183bdad4850ce338510e07708364cba32df69"}
	for k, v := range want {
		if got, ok := f.values[k]; !ok || got[0] != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if f.values.Has("accept_terms") {
		t.Error("the unticked terms box was sent: a browser sends it only ticked")
	}
	if f.needsPayment() {
		t.Error("a form with nothing to pay online was taken for a payment")
	}
	for _, name := range []string{"details-deposit.html", "details-prepayment.html"} {
		f, err := postForm(page(t, name), "/book")
		if err != nil {
			t.Fatal(err)
		}
		if !f.needsPayment() {
			t.Errorf("%s: the form leads to Stripe and was not seen as a payment", name)
		}
	}
}

func TestTakenTimeIsRecognised(t *testing.T) {
	taken := page(t, "taken.html")
	if !timeRefused(taken) {
		t.Fatal("the 'time just taken' form was not recognised")
	}
	if timeRefused(page(t, "details.html")) {
		t.Error("a fresh details form was taken for a refusal")
	}
	// Sent again as is, it would book the alternative time checked for the client.
	f, err := postForm(taken, "/book")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.values["start"]; len(got) != 1 || got[0] != "2026-12-08T11:45:00+01:00" {
		t.Errorf("start = %v, want only the checked alternative", got)
	}
	if !strings.Contains(refusal(taken), "vient d'être pris") {
		t.Errorf("refusal = %q, want the page's message", refusal(taken))
	}
}

func TestLoginFormAndBackOffice(t *testing.T) {
	f, err := postForm(page(t, "login.html"), "/login")
	if err != nil {
		t.Fatal(err)
	}
	if f.action != "/login" || len(f.values.Get("_csrf")) < 32 {
		t.Errorf("login form: action %q, values %v; want /login with its CSRF token", f.action, f.values)
	}
	list := page(t, "clients.html")
	if got := backOfficeName(list); got != "L'Instant Iris Vannes" {
		t.Errorf("back office salon = %q", got)
	}
	prefixes := namePrefixes(list)
	if !slices.Contains(prefixes, "ben") || !slices.Contains(prefixes, "ber") {
		t.Errorf("prefixes = %v, want the first letters of the last names shown (Benali, Bernard…)", prefixes)
	}
	if len(prefixes) != len(slices.Compact(slices.Sorted(slices.Values(prefixes)))) {
		t.Errorf("prefixes repeat: %v", prefixes)
	}
}

func TestSeedOwnersAreTheDefault(t *testing.T) {
	for _, i := range []int{1, 42, 1000} {
		if got, want := ownerEmail(seedOwner, seed.Slug(i)), seed.OwnerEmail(i); got != want {
			t.Errorf("owner of %s = %q, the seed made %q", seed.Slug(i), got, want)
		}
	}
	if seedPassword != seed.Password {
		t.Errorf("default password %q, the seed's is %q", seedPassword, seed.Password)
	}
}
