package web_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

func TestAnOwnerOpensASecondSalonWithTheSameAccount(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	first := env.NewSalon("Institut Rive Gauche")
	owner := env.Login(first.OwnerEmail)

	list := owner.Get("/app/salons")
	require.Equal(t, 200, list.Status)
	require.Equal(t, 1, list.Doc.Find(`a[href="/app/salons/new"]`).Length())
	form := owner.Get("/app/salons/new")
	require.Equal(t, 200, form.Status)
	require.Contains(t, form.Text("h1"), "Ouvrir un salon")

	refused := owner.Post("/app/salons/new", url.Values{"salon_name": {"Institut Rive Droite"}, "slug": {first.Slug}})
	require.Equal(t, 422, refused.Status)
	require.NotEmpty(t, refused.FieldError("slug"), "the address is taken")
	require.Equal(t, "Institut Rive Droite", refused.Value("#salon_name"), "what was typed stays")
	refused = owner.Post("/app/salons/new", url.Values{"salon_name": {""}, "slug": {"admin"}})
	require.Equal(t, 422, refused.Status)
	require.NotEmpty(t, refused.FieldError("salon_name"))
	require.NotEmpty(t, refused.FieldError("slug"), "reserved words are refused")

	slug := "rive-droite-" + first.Slug
	p := owner.Post("/app/salons/new", url.Values{"salon_name": {"Institut Rive Droite"}, "slug": {slug}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	home := owner.Follow(p)
	require.Contains(t, home.Text(".alert.ok"), "Salon créé")
	require.Contains(t, home.Text(".brand"), "Institut Rive Droite", "the new salon is the one open")
	require.Contains(t, owner.Get("/app/clients/categories").Text("main"), "VIP", "it starts with the client categories")
	require.Equal(t, 200, env.NewClient().Get("/b/"+slug).Status, "its public page exists")

	list = owner.Get("/app/salons")
	require.Contains(t, list.Text("main"), "Institut Rive Gauche")
	require.Contains(t, list.Text("main"), "Institut Rive Droite")
	require.Equal(t, 2, list.Doc.Find(".badge.plum").Length(), "owner of both")
	back := owner.Post("/app/salons", url.Values{"salon_id": {first.ID.String()}})
	require.Equal(t, 303, back.Status)
	require.Contains(t, owner.Follow(back).Text(".brand"), "Institut Rive Gauche")
}
