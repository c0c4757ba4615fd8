// Package i18n holds the product's French and English texts and the
// request's language. French is the salons' own vocabulary and the default.
package i18n

import (
	"context"
	"fmt"
	"strings"
)

// Lang is a supported interface language.
type Lang string

const (
	FR Lang = "fr"
	EN Lang = "en"
)

// Default is the language used when nothing else is known.
const Default = FR

// Parse returns the supported language named by s, or ok=false.
func Parse(s string) (Lang, bool) {
	switch Lang(strings.ToLower(strings.TrimSpace(s))) {
	case FR:
		return FR, true
	case EN:
		return EN, true
	}
	return "", false
}

// FromAcceptLanguage picks fr or en from an Accept-Language header, in the
// order the browser prefers them.
func FromAcceptLanguage(header string) Lang {
	for _, part := range strings.Split(header, ",") {
		tag := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		if l, ok := Parse(strings.SplitN(tag, "-", 2)[0]); ok {
			return l
		}
	}
	return Default
}

type ctxKey struct{}

// WithLang returns a context carrying the language.
func WithLang(ctx context.Context, l Lang) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// LangFrom returns the context's language, French when none is set.
func LangFrom(ctx context.Context) Lang {
	if l, ok := ctx.Value(ctxKey{}).(Lang); ok {
		return l
	}
	return Default
}

// T translates key into the context's language.
func T(ctx context.Context, key string, args ...any) string {
	return Tr(LangFrom(ctx), key, args...)
}

// Tr translates key into lang. A missing key shows itself, so a gap is
// visible on the page and caught by the catalogue test rather than hidden.
func Tr(lang Lang, key string, args ...any) string {
	catalog := fr
	if lang == EN {
		catalog = en
	}
	msg, ok := catalog[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return msg
	}
	msg = fmt.Sprintf(msg, args...)
	if lang == FR {
		for _, a := range args {
			if v, ok := a.(string); ok {
				msg = Elide(msg, v)
			}
		}
	}
	return msg
}

// Has reports whether key exists in the catalogue.
func Has(key string) bool {
	_, ok := fr[key]
	return ok
}

// Keys returns every key of a language's catalogue (for tests).
func Keys(lang Lang) []string {
	catalog := fr
	if lang == EN {
		catalog = en
	}
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	return keys
}

// Colon is how each language introduces what follows: "Régler : …" in
// French (a space before), "Pay: …" in English.
func Colon(lang Lang) string {
	if lang == EN {
		return ": "
	}
	return " : "
}
