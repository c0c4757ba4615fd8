package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestAFixedDepositOrANoShowFeeAboveTheServicesPriceIsRefused(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Bornes")
	owner := env.Login(s.OwnerEmail)

	p := owner.Post("/app/services", url.Values{"name": {"Sourcils"}, "duration": {"15"}, "price": {"12"},
		"online_bookable": {"on"}, "payment_mode": {"deposit"}, "deposit_kind": {"fixed"}, "deposit_value": {"20"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("deposit_value"), "dépasser le prix")
	require.Equal(t, "20", p.Value("#deposit_value"), "what was typed comes back")
	require.Equal(t, "Sourcils", p.Value("#name"))

	p = owner.Post("/app/services", url.Values{"name": {"Sourcils"}, "duration": {"15"}, "price": {"12"},
		"online_bookable": {"on"}, "payment_mode": {"default"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))

	form := salonSettingsForm("Institut Bornes")
	form.Set("no_show_fee", "15")
	form.Set("deposit_value", "13")
	p = owner.Post("/app/settings", form)
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("no_show_fee"), "dépasser le prix")
	require.Contains(t, p.FieldError("deposit_value"), "dépasser le prix")
	require.Equal(t, "15", p.Value("#no_show_fee"))
	require.Equal(t, "13", p.Value("#deposit_value"))

	form.Set("no_show_fee", "12")
	form.Set("deposit_value", "12")
	require.Equal(t, 303, owner.Post("/app/settings", form).Status, "as much as the price is fine")
}
