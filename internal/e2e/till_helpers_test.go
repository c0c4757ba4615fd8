package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// text is the visible text of the first element the selector finds.
func text(t *testing.T, bctx context.Context, sel string) string {
	t.Helper()
	return strings.ReplaceAll(readText(t, bctx, sel), "\u00a0", " ")
}

func readText(t *testing.T, bctx context.Context, sel string) string {
	t.Helper()
	return testkit.Read(t, bctx, chromedp.Text(chromedp.CSS(sel)))
}

// visible says whether the element takes room on the page.
func visible(t *testing.T, bctx context.Context, sel string) bool {
	t.Helper()
	return testkit.Read(t, bctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).offsetParent !== null`, sel)))
}

// waitText waits until the element's text contains want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q);
		return !!e && e.textContent.replace(/\u00a0/g, ' ').includes(%q) })()`, sel, want))
}

// cents reads the last amount in a text as cents ("Reste à payer 38,50 €" is 3850).
func cents(s string) int64 {
	fields := strings.Fields(strings.ReplaceAll(s, "€", " "))
	for i := len(fields) - 1; i >= 0; i-- {
		if strings.Contains(fields[i], ",") {
			n, err := strconv.ParseInt(strings.NewReplacer(",", "", ".", "", "\u202f", "").Replace(fields[i]), 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return -1
}

// euros writes cents as the till shows them: 2000 is "20,00".
func euros(c int64) string { return fmt.Sprintf("%d,%02d", c/100, c%100) }

// paymentLine is the ticket's payment by a method, once the page after the
// form's POST has loaded.
func paymentLine(method string) chromedp.Search {
	return chromedp.Search(fmt.Sprintf(`//ul[@id="payments"]/li[contains(., %q)]`, method))
}
