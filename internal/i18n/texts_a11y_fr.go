package i18n

// frA11y: what the public pages say to screen readers.
var frA11y = map[string]string{
	"a11y.summary_line": "%s : %s",
	"a11y.date_pages":   "Autres dates",
	"a11y.day_closed":   "fermé",
	"a11y.day_full":     "complet",
	"a11y.times_none":   "Aucun horaire libre le %s",
	"a11y.times_one":    "1 horaire libre le %s",
	"a11y.times_many":   "%d horaires libres le %s",
}
