package booking_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/store"
)

// bookedAs is the client record and the price of the last online booking of an email.
func (s shop) bookedAs(email string) (customerID uuid.UUID, price int64) {
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT b.customer_id, s.price_cents FROM bookings b
			JOIN appointment_services s ON s.appointment_id = b.appointment_id
			WHERE b.tenant_id = $1 AND b.email = $2 ORDER BY b.created_at DESC LIMIT 1`, s.salon.ID, email).Scan(&customerID, &price)
	}))
	return customerID, price
}

func (s shop) lookalikeOf(id uuid.UUID) *uuid.UUID {
	var dup *uuid.UUID
	require.NoError(s.t, s.env.Srv.DB.Unscoped(context.Background(), func(tx store.Tx) error {
		return tx.Raw().QueryRow(context.Background(), `SELECT duplicate_of FROM customers WHERE id = $1`, id).Scan(&dup)
	}))
	return dup
}

// noOneSingledOut: the page says what the salon asks for this booking, never
// what the salon thinks of the person.
func noOneSingledOut(t *testing.T, text string) {
	t.Helper()
	for _, word := range []string{"Problématique", "Employé", "catégorie", "différentes", "Vos conditions", "vos conditions"} {
		require.NotContains(t, text, word)
	}
}

func TestAPublicBookingJoinsAClientRecordOnlyWithBothItsEmailAndPhone(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	lea := "lea-" + s.salon.Slug + "@example.com"
	leaID := s.clientWith(lea, "default", "Employé") // 20 % off, 06 12 34 56 78

	// Someone types Léa's phone with another email: a new record, at the full
	// price, flagged for the salon as maybe Léa.
	stranger := "stranger-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("10:00"), stranger, nil)
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	who, price := s.bookedAs(stranger)
	require.NotEqual(t, leaID, who, "not attached to Léa's record")
	require.EqualValues(t, 5000, price, "no employee's price without proof")
	require.Equal(t, &leaID, s.lookalikeOf(who))

	// Léa's email with another phone: the same.
	p = s.book(s.at("11:00"), lea, url.Values{"phone": {"07 00 00 00 01"}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	who2, price := s.bookedAs(lea)
	require.NotEqual(t, leaID, who2)
	require.EqualValues(t, 5000, price)
	require.Equal(t, &leaID, s.lookalikeOf(who2))

	// Léa's email and phone: her record, her price.
	p = s.book(s.at("12:00"), lea, nil)
	require.Contains(t, []int{303, 409}, p.Status, p.Text(".alert"))
	if p.Status == 409 { // the price she reads is hers: she accepts it
		noOneSingledOut(t, p.Text("main"))
		form := bookForm(s.at("12:00"), lea)
		form.Set("policy_hash", p.Value("input[name=policy_hash]"))
		p = s.web.NewClient().Post(s.servicePath()+"/book", form)
		require.Equal(t, 303, p.Status, p.Text(".alert"))
	}
	who3, price := s.bookedAs(lea)
	require.Equal(t, leaID, who3)
	require.EqualValues(t, 4000, price, "20 % off 50 €")

	// The salon sees the new record as a possible duplicate and can merge it.
	owner := s.web.Login(s.salon.OwnerEmail)
	rec := owner.Get("/app/clients/" + who.String())
	require.Equal(t, 200, rec.Status)
	require.Contains(t, rec.Text("#possible-duplicate"), "Léa Martin")
	merge, ok := rec.Doc.Find(`#possible-duplicate a[href*="/merge?with="]`).Attr("href")
	require.True(t, ok, "a way to merge")
	require.Equal(t, "/app/clients/"+who.String()+"/merge?with="+leaID.String(), merge)
	require.Equal(t, 200, owner.Get(merge).Status)
	require.Zero(t, owner.Get("/app/clients/"+leaID.String()).Doc.Find("#possible-duplicate").Length(), "Léa's own record is not flagged")
}

func TestARestrictionFollowsAPhoneAndIsWordedAsTheSalonsRuleForThisBooking(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "deposit"})
	problem := s.clientWith("problem-"+s.salon.Slug+"@example.com", "default", "Problématique") // full prepayment

	// Someone books with that phone and their own email: nothing proves they
	// are that client, but the salon's rule for that number applies.
	email := "other-" + s.salon.Slug + "@example.com"
	p := s.book(s.at("10:00"), email, nil)
	require.Equal(t, 409, p.Status)
	require.Contains(t, p.Text(".alert"), "Pour ce rendez-vous, le salon demande les conditions ci-dessous")
	require.Contains(t, p.Text(".policy"), "Le prix total de 50,00")
	noOneSingledOut(t, p.Text("main"))
	require.Empty(t, s.env.Stripe.CallsOn(s.account, "/v1/checkout/sessions"), "nothing booked yet")

	form := bookForm(s.at("10:00"), email)
	form.Set("policy_hash", p.Value("input[name=policy_hash]"))
	again := s.web.NewClient().Post(s.servicePath()+"/book", form)
	require.Equal(t, 303, again.Status, again.Text(".alert"))
	require.Equal(t, "5000", s.lastSession().Form.Get("line_items[0][price_data][unit_amount]"), "the full price, not the deposit")
	who, _ := s.bookedAs(email)
	require.NotEqual(t, problem, who, "a new record all the same")

	// The English page says it the same way.
	en := s.web.NewClient()
	en.Header.Set("Accept-Language", "en")
	page := en.Get(s.servicePath() + "/book?lang=en&start=" + url.QueryEscape(s.at("15:00").Format("2006-01-02T15:04:05Z07:00")))
	f := bookForm(s.at("15:00"), "third-"+s.salon.Slug+"@example.com")
	f.Set("policy_hash", page.Value("input[name=policy_hash]"))
	p = en.Post(s.servicePath()+"/book?lang=en", f)
	require.Equal(t, 409, p.Status)
	require.True(t, strings.Contains(p.Text(".alert"), "For this booking, the salon asks"), p.Text(".alert"))
}

func TestAClientSignedInToThePortalIsProvenWhateverPhoneTheyType(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	lea := "portal-" + s.salon.Slug + "@example.com"
	leaID := s.clientWith(lea, "default", "Employé")
	require.NoError(t, s.env.Srv.Portal.SetAccess(context.Background(), s.salon.ID, leaID, "open", s.salon.OwnerID))
	c := s.web.NewClient()
	c.Get("/b/" + s.salon.Slug + "/account")
	require.Equal(t, 303, c.Post("/b/"+s.salon.Slug+"/account", url.Values{"email": {lea}}).Status)
	link, err := url.Parse(s.env.Mail.WaitSubject(t, lea, "").Link(t, "/account/login/"))
	require.NoError(t, err)
	require.Equal(t, 303, c.Post(link.Path, nil).Status)

	form := s.filledForm(c, s.at("10:00"), "autre-"+s.salon.Slug+"@example.com")
	form.Set("phone", "07 11 22 33 44")
	p := c.Post(s.servicePath()+"/book", form)
	if p.Status == 409 {
		form.Set("policy_hash", p.Value("input[name=policy_hash]"))
		p = c.Post(s.servicePath()+"/book", form)
	}
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	who, price := s.bookedAs("autre-" + s.salon.Slug + "@example.com")
	require.Equal(t, leaID, who, "the signed-in client's own record")
	require.EqualValues(t, 4000, price, "with her price")
}
