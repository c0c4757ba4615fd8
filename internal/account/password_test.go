package account

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHashedPasswordVerifiesOnlyTheRightPassword(t *testing.T) {
	ctx := context.Background()
	h, err := HashPassword(ctx, "un-mot-de-passe-solide")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$"))
	ok, err := VerifyPassword(ctx, h, "un-mot-de-passe-solide")
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = VerifyPassword(ctx, h, "un-mot-de-passe-solidE")
	require.NoError(t, err)
	require.False(t, ok)
	h2, _ := HashPassword(ctx, "un-mot-de-passe-solide")
	require.NotEqual(t, h, h2, "each hash has its own salt")
	_, err = VerifyPassword(ctx, "plain", "x")
	require.Error(t, err)
}

func TestPasswordStrengthRules(t *testing.T) {
	cases := map[string]string{
		"":                       "field.required",
		"court":                  "password.short",
		"Motdepasse123":          "password.common",
		"aaaaaaaaaaaaa":          "password.common",
		"camille.martin-2026":    "password.email",
		"un-mot-de-passe-solide": "",
		"éàèùçôîêâûëï":           "",
	}
	for pw, want := range cases {
		require.Equal(t, want, CheckPassword(pw, "camille.martin@example.com"), pw)
	}
}

func TestEmailRules(t *testing.T) {
	for email, want := range map[string]string{
		"":                 "field.required",
		"lea@example.com":  "",
		"lea@":             "email.invalid",
		"Léa <lea@ex.com>": "email.invalid",
		"lea@localhost":    "email.invalid",
		"lea@example.":     "email.invalid",
	} {
		require.Equal(t, want, CheckEmail(email), email)
	}
}
