package i18n

// enA11y: what the public pages say to screen readers.
var enA11y = map[string]string{
	"a11y.summary_line": "%s: %s",
	"a11y.date_pages":   "Other dates",
	"a11y.day_closed":   "closed",
	"a11y.day_full":     "fully booked",
	"a11y.times_none":   "No free time on %s",
	"a11y.times_one":    "1 free time on %s",
	"a11y.times_many":   "%d free times on %s",
}
