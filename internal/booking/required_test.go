package booking_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"
)

// TestAnEmptyDetailsFormSaysWhatIsRequiredAndPointsEachFieldToItsMessage:
// sent empty, the details form comes back (422) with « Ce champ est
// obligatoire. » under each empty field, never « n'est pas valide », a summary
// at the top linking to the bad fields in the form's order, and each bad
// field marked aria-invalid and described by its message.
func TestAnEmptyDetailsFormSaysWhatIsRequiredAndPointsEachFieldToItsMessage(t *testing.T) {
	t.Parallel()
	s := newShop(t, shopOptions{mode: "none"})
	p := s.book(s.at("11:00"), "", url.Values{"email": {""}, "first_name": {""}, "last_name": {""}, "phone": {""}, "accept_terms": {""}})
	require.Equal(t, 422, p.Status)
	for _, f := range []string{"first_name", "last_name", "email", "phone"} {
		require.Equal(t, "Ce champ est obligatoire.", p.FieldError(f), f)
	}

	var linked []string
	p.Doc.Find("#error-summary a").Each(func(_ int, a *goquery.Selection) {
		linked = append(linked, strings.TrimPrefix(a.AttrOr("href", ""), "#"))
	})
	require.Equal(t, []string{"first_name", "last_name", "email", "phone", "accept_terms"}, linked, "the summary lists the bad fields in order")
	require.Equal(t, "Prénom : Ce champ est obligatoire.", p.Text("#error-summary li:first-child a"), "each line names its field")
	_, autofocus := p.Doc.Find("#error-summary").Attr("autofocus")
	require.True(t, autofocus, "the summary takes the focus")
	for _, f := range linked {
		field := p.Doc.Find("#" + f)
		require.Equal(t, 1, field.Length(), "the summary's link %s leads to a field", f)
		require.Equal(t, "true", field.AttrOr("aria-invalid", ""), f)
		require.Contains(t, strings.Fields(field.AttrOr("aria-describedby", "")), f+"-msg", f)
		require.NotEmpty(t, p.FieldError(f), f)
	}
	require.Equal(t, "false", p.Doc.Find("#note").AttrOr("aria-invalid", ""), "a good field is not marked")

	bad := s.book(s.at("11:00"), "zoe@example.com", url.Values{"phone": {"12"}})
	require.Equal(t, 422, bad.Status)
	require.Contains(t, bad.FieldError("phone"), "Indiquez un numéro complet", "a wrong number is still called wrong")
}
