package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Elidable says whether French elides "de" / "que" before word: a vowel or
// an h ("d'Institut Démo", "d'Émilie", "d'Hélène"), not a consonant or a digit.
func Elidable(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'œ', 'æ':
		return true
	}
	return false
}

// Elide writes French elisions in s before value, wherever value follows
// "de" or "que": "Message de Institut Démo" becomes "Message d'Institut
// Démo". A salon's or a client's name is only known when the text is filled,
// so texts are written with "de" and elided here.
func Elide(s, value string) string {
	if value == "" || !Elidable(value) {
		return s
	}
	return ElideBefore(s, value)
}

// ElideBefore elides "de" / "que" before every occurrence of token (a
// placeholder whose value the caller knows to start with a vowel).
func ElideBefore(s, token string) string {
	value := token
	for _, w := range [][2]string{{"de ", "d'"}, {"De ", "D'"}, {"que ", "qu'"}, {"Que ", "Qu'"}} {
		from, to := w[0]+value, w[1]+value
		var b strings.Builder
		rest := s
		for {
			i := strings.Index(rest, from)
			if i < 0 {
				b.WriteString(rest)
				break
			}
			// Only the word "de", not the end of "Code " or "garde ".
			prev, _ := utf8.DecodeLastRuneInString(rest[:i])
			if i > 0 && (unicode.IsLetter(prev) || prev == '-') {
				b.WriteString(rest[:i+len(from)])
			} else {
				b.WriteString(rest[:i] + to)
			}
			rest = rest[i+len(from):]
		}
		s = b.String()
	}
	return s
}
