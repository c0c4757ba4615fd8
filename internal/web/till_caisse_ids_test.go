package web_test

import (
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"
)

// With two registers, each register's float field has its own id and its
// label points at it; a refused float comes back beside its own register.
func TestEachRegistersFloatFieldHasItsOwnIdAndLabel(t *testing.T) {
	t.Parallel()
	_, _, owner, _ := tillSalon(t)
	require.Equal(t, 303, owner.Post("/app/till/registers", url.Values{"name": {"Boutique"}}).Status)
	page := owner.Get("/app/till")
	require.Equal(t, 200, page.Status)

	seen := map[string]bool{}
	page.Doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id := s.AttrOr("id", "")
		require.False(t, seen[id], "id %q appears twice", id)
		seen[id] = true
	})
	floats := page.Doc.Find(`input[name=float]`)
	require.Equal(t, 2, floats.Length(), "one float field per register")
	floats.Each(func(_ int, s *goquery.Selection) {
		id := s.AttrOr("id", "")
		require.Equal(t, 1, page.Doc.Find(`label[for="`+id+`"]`).Length(), "the label of %s points at it", id)
	})

	second := page.Doc.Find(`form[action$="/open"]`).Eq(1)
	p := owner.Post(second.AttrOr("action", ""), url.Values{"float": {"abc"}})
	require.Equal(t, 422, p.Status)
	input := second.Find("input[name=float]").AttrOr("id", "")
	require.NotEmpty(t, p.FieldError(input), "the message is beside the register's own field")
	require.Equal(t, "abc", p.Value("#"+input), "as typed")
	first := page.Doc.Find(`form[action$="/open"]`).Eq(0).Find("input[name=float]").AttrOr("id", "")
	require.Empty(t, p.FieldError(first), "not beside the other register's")
	require.Equal(t, "#"+input, p.Doc.Find("#error-summary a").AttrOr("href", ""))
}
