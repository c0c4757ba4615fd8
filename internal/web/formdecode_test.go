package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/apperr"
)

type sampleForm struct {
	Name   string   `form:"name"`
	Price  string   `form:"price" field:"PriceCents"`
	Tags   []string `form:"tags"`
	Ignore string   `form:"-"`
}

func TestDecodeFormReadsTaggedFieldsAndCheckboxGroups(t *testing.T) {
	t.Parallel()
	app := fiber.New(fiber.Config{Immutable: true})
	var got sampleForm
	app.Post("/", func(c *fiber.Ctx) error { return decodeForm(c, &got) })
	body := url.Values{"name": {" Soin "}, "price": {"45,50"}, "tags": {"a", "b"}, "Ignore": {"x"}, "_csrf": {"t"}}.Encode()
	req := httptest.NewRequest("POST", "/", strings.NewReader(body))
	req.Header.Set("Content-Type", fiber.MIMEApplicationForm)
	res, err := app.Test(req)
	require.NoError(t, err)
	require.Equal(t, 200, res.StatusCode)
	require.Equal(t, sampleForm{Name: " Soin ", Price: "45,50", Tags: []string{"a", "b"}}, got, "kept as typed; fields tagged - untouched")
}

func TestFormViewPrefillsFromTheStructInItsOrder(t *testing.T) {
	t.Parallel()
	f := formView(sampleForm{Name: "Soin", Price: "45,50"})
	require.Equal(t, []string{"name", "price", "tags"}, f.Names)
	require.Equal(t, "Soin", f.Get("name"))
	require.Equal(t, "45,50", f.Get("price"))
}

func TestFormErrorsMapsTheAreasNamesAndTheEdgeWins(t *testing.T) {
	t.Parallel()
	got := formErrors(sampleForm{}, apperr.Fields{"Name": "field.required", "PriceCents": "amount.max_price",
		"price": "amount.invalid", "other": "x"})
	require.Equal(t, apperr.Fields{"name": "field.required", "price": "amount.invalid", "other": "x"}, got)
}

func TestSubmitSavesNothingWhenTheEdgeRefusedAndStillListsTheAreasProblems(t *testing.T) {
	t.Parallel()
	saved := false
	save := func() error { saved = true; return nil }
	check := func() error { return apperr.Fields{"Name": "field.required"}.Err() }
	err := submit(apperr.Fields{"price": "amount.invalid"}, check, save)
	require.False(t, saved)
	e, ok := apperr.As(err)
	require.True(t, ok)
	require.Equal(t, map[string]string{"price": "amount.invalid", "Name": "field.required"}, e.Fields)
	require.NoError(t, submit(apperr.Fields{}, check, save))
	require.True(t, saved)
}

type samplePart struct {
	Day1 string `form:"day1" field:"Days[1]"`
}

type sampleWithPart struct {
	Name string `form:"name"`
	samplePart
}

// A part several forms share (a week of hours) is decoded, prefilled and
// mapped as the form's own fields.
func TestAnEmbeddedPartIsDecodedPrefilledAndMappedAsTheFormsOwn(t *testing.T) {
	t.Parallel()
	app := fiber.New(fiber.Config{Immutable: true})
	var got sampleWithPart
	app.Post("/", func(c *fiber.Ctx) error { return decodeForm(c, &got) })
	req := httptest.NewRequest("POST", "/", strings.NewReader(url.Values{"name": {"Léa"}, "day1": {"9h-12h"}}.Encode()))
	req.Header.Set("Content-Type", fiber.MIMEApplicationForm)
	res, err := app.Test(req)
	require.NoError(t, err)
	require.Equal(t, 200, res.StatusCode)
	require.Equal(t, sampleWithPart{Name: "Léa", samplePart: samplePart{Day1: "9h-12h"}}, got)

	f := formView(got)
	require.Equal(t, []string{"name", "day1"}, f.Names)
	require.Equal(t, "9h-12h", f.Get("day1"))
	require.Equal(t, apperr.Fields{"day1": "hours.overlap"}, formErrors(got, apperr.Fields{"Days[1]": "hours.overlap"}))
}
