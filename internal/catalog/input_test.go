package catalog_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/payment"
)

// Values that never went through a form (demo, import, tests) meet the same
// rules, reported under the input's own field names.
func TestProductInputHoldsTypedValuesToTheSameRules(t *testing.T) {
	t.Parallel()
	err := catalog.ProductInput{Name: " ", PriceCents: 1_000_001, Stock: 2_000_000}.Check()
	e, ok := apperr.As(err)
	require.True(t, ok)
	require.Equal(t, map[string]string{"Name": "field.required", "PriceCents": "amount.max_price", "Stock": "stock.range"}, e.Fields)
	require.NoError(t, catalog.ProductInput{Name: "Crème", PriceCents: 3290, Stock: 3}.Check())
}

func TestServiceInputHoldsTypedValuesToTheSameRules(t *testing.T) {
	t.Parallel()
	fixed := &payment.Rule{Mode: payment.ModeDeposit, DepositKind: payment.DepositFixed, DepositValue: 5000}
	e, ok := apperr.As(catalog.ServiceInput{Name: "Soin", Duration: 90 * time.Second, Buffer: 5 * time.Hour,
		PriceCents: 4000, Rule: fixed}.Check())
	require.True(t, ok)
	require.Equal(t, map[string]string{"Duration": "duration.range", "Buffer": "buffer.range",
		catalog.FieldRuleValue: "payment.deposit.above_price"}, e.Fields)
	require.NoError(t, catalog.ServiceInput{Name: "Soin", Duration: time.Hour, PriceCents: 6500, Rule: fixed}.Check())
}
