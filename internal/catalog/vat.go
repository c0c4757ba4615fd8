package catalog

import "github.com/carnet-salon/carnet/internal/apperr"

// VATRates are the French VAT rates a service or product may carry, in
// basis points, in the order forms list them; prices include VAT.
var VATRates = []int32{2000, 1000, 550, 210, 0}

// checkRate records a rate that is not one of VATRates (nil: the default,
// 20 % for a new entry, the current rate for an edit).
func checkRate(f apperr.Fields, field string, bp *int32) {
	if bp == nil {
		return
	}
	for _, r := range VATRates {
		if r == *bp {
			return
		}
	}
	f.Add(field, "catalog.vat_rate.invalid")
}
