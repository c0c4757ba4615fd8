package booking_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
)

// clientWith creates a known client with their own mode or category, with
// the email given and the phone the booking form types: a client who books
// with both is proven to be them.
func (s shop) clientWith(email, mode, category string) uuid.UUID {
	s.t.Helper()
	cats, err := s.env.Srv.Customers.Categories(context.Background(), s.salon.ID)
	require.NoError(s.t, err)
	var catID *uuid.UUID
	for _, c := range cats {
		if c.Name == category {
			catID = &c.ID
		}
	}
	id, err := s.env.Srv.Customers.Create(context.Background(), s.salon.ID, customer.RecordInput{FirstName: "Léa", LastName: "Martin",
		Email: email, Phone: bookForm(s.at("10:00"), email).Get("phone"), PaymentMode: mode, CategoryID: catID, Region: "FR",
		EmailTransactional: true, SMSTransactional: true, Force: true})
	require.NoError(s.t, err)
	return id
}

func TestAProblematicClientIsAskedForFullPrepayment(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	email := "problem-" + s.salon.Slug + "@example.com"
	s.clientWith(email, "default", "Problématique")

	// The page shows the service's deposit; once the client is known, their
	// category's rule applies and they must accept it first.
	p := s.book(s.at("10:00"), email, nil)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert"), "Pour ce rendez-vous, le salon demande")
	require.Contains(t, p.Text(".policy"), "Le prix total de 50,00")
	require.Equal(t, email, p.Value("#email"), "the form comes back filled")
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions"), "nothing was booked yet")

	c := s.web.NewClient()
	form := bookForm(s.at("10:00"), email)
	form.Set("policy_hash", p.Value("input[name=policy_hash]"))
	again := c.Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	call := s.lastSession()
	require.Equal(t, "payment", call.Form.Get("mode"))
	require.Equal(t, "5000", call.Form.Get("line_items[0][price_data][unit_amount]"), "the full price, not the deposit")
}

func TestAClientWhoseOwnModeIsCardImprintGetsAnImprintWhateverTheService(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	email := "imprint-" + s.salon.Slug + "@example.com"
	s.clientWith(email, "card_imprint", "")
	p := s.book(s.at("11:00"), email, url.Values{"save_card": {"1"}})
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".policy"), "rien n'est prélevé")
	form := bookForm(s.at("11:00"), email)
	form.Set("policy_hash", p.Value("input[name=policy_hash]"))
	form.Set("save_card", "1")
	again := s.web.NewClient().Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	require.Equal(t, "setup", s.lastSession().Form.Get("mode"))
}

func TestAnEmployeesDiscountAppliesOnline(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "prepayment"})
	email := "staff-" + s.salon.Slug + "@example.com"
	s.clientWith(email, "default", "Employé")
	p := s.book(s.at("12:00"), email, nil)
	require.Equal(t, 409, p.Status, "the price differs for an employee")
	require.Contains(t, p.Text(".policy"), "40,00", "20 % off 50 €")
	form := bookForm(s.at("12:00"), email)
	form.Set("policy_hash", p.Value("input[name=policy_hash]"))
	require.Equal(t, 303, s.web.NewClient().Post(s.servicePath()+"/book", form).Status)
	require.Equal(t, "4000", s.lastSession().Form.Get("line_items[0][price_data][unit_amount]"))
}
