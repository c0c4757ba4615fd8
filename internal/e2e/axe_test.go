package e2e

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// axeSource is axe-core 4.14.1 from npm (package/axe.min.js), for tests only.
//
//go:embed testdata/axe-core-4.14.1.min.js
var axeSource string

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axeRun checks the page against WCAG 2.2 A and AA (and axe's best
// practices) and returns the serious and critical violations.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
	.then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical'))`

// pageProblems lists what a person using a screen reader or a keyboard
// would trip on: axe's serious and critical findings, a page without
// exactly one h1, two fields or two landmarks with the same label.
func pageProblems(t *testing.T, b context.Context) []string {
	t.Helper()
	if !testkit.Read(t, b, chromedp.Evaluate[bool](`typeof axe !== 'undefined'`)) {
		testkit.Read(t, b, chromedp.Evaluate[bool](axeSource+";true"))
	}
	var problems []string
	for _, v := range testkit.Read(t, b, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise)) {
		for _, n := range v.Nodes {
			problems = append(problems, fmt.Sprintf("%s (%s) %s at %v: %s", v.ID, v.Impact, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", " ")))
		}
	}
	if n := testkit.Read(t, b, chromedp.Evaluate[int](`document.querySelectorAll('h1').length`)); n != 1 {
		problems = append(problems, fmt.Sprintf("%d h1 on the page, not one", n))
	}
	for _, dup := range testkit.Read(t, b, chromedp.Evaluate[[]string](duplicateLabels)) {
		problems = append(problems, "the same label twice: "+dup)
	}
	return problems
}

// duplicateLabels finds two form fields, or two landmarks of one kind,
// announced with the same name.
const duplicateLabels = `(() => {
	const seen = new Map(), dups = [];
	const name = el => (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || '').trim().replace(/\s+/g, ' ');
	const visible = el => el.type !== 'hidden' && el.getClientRects().length > 0;
	for (const el of document.querySelectorAll('input, select, textarea, nav, section[aria-label], aside[aria-label]')) {
		if (!visible(el)) continue;
		if (el.type === 'radio') continue; // a radio group shares its legend, each option has its own label
		const n = name(el);
		if (!n) continue;
		const key = (['NAV', 'SECTION', 'ASIDE'].includes(el.tagName) ? el.tagName : 'field') + ':' + n;
		if (seen.has(key)) dups.push(key); else seen.set(key, true);
	}
	return dups;
})()`

// requireAccessible fails the test with every problem of the page, named.
func requireAccessible(t *testing.T, b context.Context, page string) {
	t.Helper()
	if problems := pageProblems(t, b); len(problems) > 0 {
		testkit.Screenshot(t, b, "a11y-"+page)
		t.Errorf("%s: %d accessibility problems:\n  %s", page, len(problems), strings.Join(problems, "\n  "))
	}
}
