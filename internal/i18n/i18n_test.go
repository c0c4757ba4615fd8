package i18n

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEveryKeyIsTranslatedInBothLanguages(t *testing.T) {
	for _, k := range Keys(FR) {
		_, ok := en[k]
		require.Truef(t, ok, "key %q has French but no English", k)
	}
	for _, k := range Keys(EN) {
		_, ok := fr[k]
		require.Truef(t, ok, "key %q has English but no French", k)
	}
}

func TestPlaceholdersMatchBetweenLanguages(t *testing.T) {
	for k, frMsg := range fr {
		require.Equalf(t, strings.Count(frMsg, "%"), strings.Count(en[k], "%"), "placeholders differ for %q", k)
	}
}

func TestLanguageComesFromContextAndDefaultsToFrench(t *testing.T) {
	ctx := context.Background()
	require.Equal(t, FR, LangFrom(ctx))
	require.Equal(t, "Se connecter", T(ctx, "login.submit"))
	require.Equal(t, "Log in", T(WithLang(ctx, EN), "login.submit"))
	require.Equal(t, "no.such.key", T(ctx, "no.such.key"))
}

func TestAcceptLanguagePicksFirstSupported(t *testing.T) {
	require.Equal(t, EN, FromAcceptLanguage("de-DE,en-US;q=0.8,fr;q=0.5"))
	require.Equal(t, FR, FromAcceptLanguage("fr-CA,en;q=0.5"))
	require.Equal(t, FR, FromAcceptLanguage("de"))
}
