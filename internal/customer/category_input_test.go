package customer_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
)

// A discount that never went through a form (demo, tests) meets the same
// bound, reported under the input's own field name.
func TestCategoryInputHoldsTypedValuesToTheSameRules(t *testing.T) {
	t.Parallel()
	e, ok := apperr.As(customer.CategoryInput{Name: "", PaymentMode: "cash", DiscountBP: 10001}.Check())
	require.True(t, ok)
	require.Equal(t, map[string]string{"Name": "field.required", "PaymentMode": "field.choose", "DiscountBP": "clientcats.discount.range"}, e.Fields)
	require.NoError(t, customer.CategoryInput{Name: "Amies", PaymentMode: "deposit", DiscountBP: 1250}.Check())
}
