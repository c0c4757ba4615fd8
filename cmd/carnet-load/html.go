package main

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// The tool reads Carnet's pages the way a visitor's eyes and a browser do:
// links, forms and a few marks of the page, never the database. These
// selectors follow views/booking, views/auth, views/clients and
// views/layout; testdata/ holds real pages they are tested against.

func parseHTML(body []byte) (*goquery.Document, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	return doc, nil
}

// offered is what a salon's public page offers online, in page order: every
// service with a link, and those of them that need no payment online. A
// service with a deposit, a card imprint or a prepayment carries a badge
// saying so; one "by phone" has no link at all.
func offered(doc *goquery.Document, slug string) (all, free []string) {
	prefix := "/b/" + slug + "/s/"
	seen := map[string]bool{}
	doc.Find("a.service-item").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		id, ok := strings.CutPrefix(href, prefix)
		if !ok || len(id) != 36 || seen[id] {
			return
		}
		seen[id] = true
		all = append(all, id)
		if a.Find(".badge").Length() == 0 {
			free = append(free, id)
		}
	})
	return all, free
}

// publicName is the salon's name as its public page shows it.
func publicName(doc *goquery.Document) string {
	return strings.TrimSpace(doc.Find(".salon-hero h1").First().Text())
}

// backOfficeName is the salon a back-office page belongs to (the subtitle
// of the brand in the top bar).
func backOfficeName(doc *goquery.Document) string {
	return strings.TrimSpace(doc.Find("a.brand small").First().Text())
}

// staffChoices are the "who" chips of a service page, one per staff member
// (the "anyone" chip carries no staff).
func staffChoices(doc *goquery.Document) []string {
	var out []string
	doc.Find("nav.chips a.chip").Each(func(_ int, a *goquery.Selection) {
		if href, _ := a.Attr("href"); strings.Contains(href, "staff=") {
			out = append(out, href)
		}
	})
	return out
}

// openDays are the times fragments of the days of the date strip that have
// a free time (a full or closed day is no link).
func openDays(doc *goquery.Document) []string {
	var out []string
	doc.Find("nav.date-strip a[hx-get]").Each(func(_ int, a *goquery.Selection) {
		out = append(out, a.AttrOr("hx-get", ""))
	})
	return out
}

// timeLinks are the free times shown, each a link to the details form.
func timeLinks(doc *goquery.Document) []string {
	var out []string
	doc.Find("#times .slots a[href]").Each(func(_ int, a *goquery.Selection) {
		out = append(out, a.AttrOr("href", ""))
	})
	return out
}

// form is a form as a browser would submit it untouched: its action and
// its hidden, checked and typed-in values.
type form struct {
	action string
	values url.Values
	sel    *goquery.Selection
}

// postForm finds the page's POST form whose action ends with suffix.
func postForm(doc *goquery.Document, suffix string) (form, error) {
	var f form
	doc.Find(`form[method="post"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		action := s.AttrOr("action", "")
		if !strings.HasSuffix(action, suffix) {
			return true
		}
		f = form{action: action, values: url.Values{}, sel: s}
		s.Find("input[name]").Each(func(_ int, in *goquery.Selection) {
			name, typ := in.AttrOr("name", ""), in.AttrOr("type", "text")
			if _, checked := in.Attr("checked"); (typ == "checkbox" || typ == "radio") && !checked {
				return
			}
			f.values.Add(name, in.AttrOr("value", ""))
		})
		return false
	})
	if f.values == nil {
		return f, fmt.Errorf("no POST form to …%s in the page", suffix)
	}
	return f, nil
}

// needsPayment says whether a booking form leads to a payment: it asks to
// save the card (deposit, imprint) or says Stripe takes the payment.
func (f form) needsPayment() bool {
	return f.sel.Find(`input[name="save_card"]`).Length() > 0 || f.sel.Find("p.small.muted.center").Length() > 0
}

// timeRefused says whether a refused booking form is the "this time was
// just taken" one: it offers the day's other times, or another day.
func timeRefused(doc *goquery.Document) bool {
	return doc.Find("#start-field.alternatives, .no-alternative").Length() > 0
}

// refusal is the message a refused form shows, for error reports.
func refusal(doc *goquery.Document) string {
	var parts []string
	doc.Find("form .alert, form .field-error").Each(func(_ int, s *goquery.Selection) {
		if t := strings.Join(strings.Fields(s.Text()), " "); t != "" {
			parts = append(parts, t)
		}
	})
	return strings.Join(parts, "; ")
}

// namePrefixes are what a receptionist types to find a client of the list:
// the first three letters of each last name shown, lower-cased, once each.
func namePrefixes(doc *goquery.Document) []string {
	seen := map[string]bool{}
	var out []string
	doc.Find("#client-results tbody a strong").Each(func(_ int, s *goquery.Selection) {
		words := strings.Fields(s.Text())
		if len(words) == 0 {
			return
		}
		last := []rune(strings.ToLower(words[len(words)-1]))
		if len(last) < 3 {
			return
		}
		if p := string(last[:3]); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	})
	return out
}
