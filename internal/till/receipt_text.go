package till

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
)

// receiptText writes a receipt as the email and SMS carry it: the same
// mentions as the printed one, in the client's language.
type receiptText struct {
	tk       Ticket
	set      Settings
	issue    Issue
	lang     i18n.Lang
	currency string
	zone     *time.Location
	link     string
}

func (r receiptText) tr(key string, args ...any) string { return i18n.Tr(r.lang, key, args...) }

func (r receiptText) amount(cents int64) string { return money.New(cents, r.currency).Format(r.lang) }

func (r receiptText) subject() string {
	return r.tr("receipt.email.subject", r.set.SalonName, strconv.FormatInt(r.tk.Number, 10))
}

// duplicata is the mark of a receipt issued again, or "".
func (r receiptText) duplicata() string {
	if r.issue.Duplicata == 0 {
		return ""
	}
	return r.tr("receipt.duplicata", strconv.FormatInt(r.issue.Duplicata, 10))
}

func (r receiptText) email() string {
	var b strings.Builder
	at := r.tk.ClosedAt.In(r.zone)
	fmt.Fprintf(&b, "%s\n\n", r.tr("receipt.email.intro", r.set.SalonName))
	fmt.Fprintf(&b, "%s\n%s\n", r.set.SalonName, r.set.Address)
	if r.set.SIRET != "" {
		fmt.Fprintf(&b, "SIRET %s\n", r.set.SIRET)
	}
	if r.set.VATNumber != "" && !r.tk.VATExempt {
		fmt.Fprintf(&b, "%s %s\n", r.tr("till.vat_number"), r.set.VATNumber)
	}
	fmt.Fprintf(&b, "\n%s\n%s\n", r.tr("receipt.number", strconv.FormatInt(r.tk.Number, 10), at.Format("02/01/2006 15:04")), r.duplicata())
	b.WriteString("\n")
	for _, l := range r.tk.Lines {
		fmt.Fprintf(&b, "%s · %d × %s · %s\n", l.Label, l.Quantity, r.amount(l.UnitCents), r.amount(l.InclCents))
	}
	b.WriteString("\n")
	if !r.tk.VATExempt {
		fmt.Fprintf(&b, "%s %s\n", r.tr("receipt.total_excl"), r.amount(r.tk.Totals.ExclCents))
		for _, v := range r.tk.Totals.VAT {
			fmt.Fprintf(&b, "%s %s\n", r.tr("receipt.vat_at", percent(v.RateBP)), r.amount(v.VATCents))
		}
	} else {
		fmt.Fprintf(&b, "%s\n", r.tr("receipt.vat_exempt"))
	}
	fmt.Fprintf(&b, "%s %s\n\n", r.tr("receipt.total_incl"), r.amount(r.tk.Totals.InclCents))
	for _, p := range r.tk.Payments {
		fmt.Fprintf(&b, "%s %s\n", r.tr("till.method."+p.Method), r.amount(p.AmountCents))
	}
	if r.tk.Kind == KindSale && r.tk.ToAccountCents() > 0 {
		fmt.Fprintf(&b, "\n%s\n", r.tr("tillfix.receipt.to_account", r.amount(r.tk.ToAccountCents())))
	}
	fmt.Fprintf(&b, "\n%s %s\n", r.tr("receipt.email.link"), r.link)
	return trimLines(b.String())
}

func (r receiptText) sms() string {
	s := r.tr("receipt.sms", r.set.SalonName, strconv.FormatInt(r.tk.Number, 10), r.amount(r.tk.Totals.InclCents), r.link)
	if d := r.duplicata(); d != "" {
		s = d + " · " + s
	}
	return s
}

// percent writes a VAT rate the way receipts print it: "20 %", "5,5 %".
func percent(bp int64) string {
	whole, frac := bp/100, bp%100
	if frac == 0 {
		return strconv.FormatInt(whole, 10) + " %"
	}
	return strings.TrimRight(fmt.Sprintf("%d,%02d", whole, frac), "0") + " %"
}
