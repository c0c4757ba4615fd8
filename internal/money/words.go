package money

import "strings"

// MaxInWordsCents is the largest amount InWordsFR spells: 999 999 999 999,99 €,
// far beyond any cheque, so the till never meets an amount it cannot write.
const MaxInWordsCents = 99_999_999_999_999

// InWordsFR writes an amount in euros in French words, as on the cheque's
// "somme en toutes lettres" line, for the cashier to compare with what the
// client wrote: 8150 is "quatre-vingt-un euros et cinquante centimes".
// Negative amounts and amounts above MaxInWordsCents give "": a cheque is
// always positive, and no words are better than wrong ones.
//
// The spelling is the traditional one most cheque writers learnt, not the
// 1990 reform (which hyphenates everything: "deux-cent-vingt-et-un"):
//   - a hyphen joins tens and units below one hundred ("dix-sept",
//     "quatre-vingt-dix-neuf"), except where "et" joins them: 21, 31, 41,
//     51 and 61 take "et un", 71 takes "et onze" ("soixante et onze"), but
//     81 and 91 do not ("quatre-vingt-un", "quatre-vingt-onze");
//   - no hyphen around "cent", "mille", "million" or "milliard";
//   - "vingt" (in 80) and "cent" take an s when multiplied and nothing
//     follows, or only "million(s)"/"milliard(s)", which are nouns:
//     "quatre-vingts", "deux cents", "deux cents millions", but
//     "quatre-vingt-un", "deux cent un", "deux cent mille";
//   - "mille" never takes an s and is never preceded by "un": "mille",
//     "deux mille";
//   - "million" and "milliard" are nouns: "un million", "deux millions",
//     and "d'euros" when they end the amount ("un million d'euros", but
//     "un million deux cents euros");
//   - "euro" and "centime" are singular below two ("un euro", "un centime");
//     no euros gives only the centimes ("un centime" for 0,01 €) and nothing
//     at all gives "zéro euro".
func InWordsFR(cents int64) string {
	if cents < 0 || cents > MaxInWordsCents {
		return ""
	}
	euros, centimes := cents/100, cents%100
	if euros == 0 && centimes == 0 {
		return "zéro euro"
	}
	var parts []string
	if euros > 0 {
		parts = append(parts, eurosFR(euros))
	}
	if centimes > 0 {
		parts = append(parts, belowHundredFR(centimes, true)+" centime"+pluralS(centimes))
	}
	return strings.Join(parts, " et ")
}

// eurosFR writes a whole number of euros (1 or more) with its unit.
func eurosFR(n int64) string {
	w := numberFR(n)
	if strings.HasSuffix(w, "million") || strings.HasSuffix(w, "millions") ||
		strings.HasSuffix(w, "milliard") || strings.HasSuffix(w, "milliards") {
		return w + " d'euros"
	}
	return w + " euro" + pluralS(n)
}

// numberFR writes 1 ≤ n < 10¹² in words, group by group of three digits.
func numberFR(n int64) string {
	milliards, millions, thousands, rest := n/1e9, n/1e6%1000, n/1000%1000, n%1000
	var w []string
	// Before a noun (milliard, million) the group counts as final: "deux
	// cents millions"; before "mille", an adjective, it does not.
	if milliards > 0 {
		w = append(w, belowThousandFR(milliards, true)+" milliard"+pluralS(milliards))
	}
	if millions > 0 {
		w = append(w, belowThousandFR(millions, true)+" million"+pluralS(millions))
	}
	switch {
	case thousands == 1:
		w = append(w, "mille")
	case thousands > 1:
		w = append(w, belowThousandFR(thousands, false)+" mille")
	}
	if rest > 0 {
		w = append(w, belowThousandFR(rest, true))
	}
	return strings.Join(w, " ")
}

var unitsFR = [...]string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
	"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"}

var tensFR = [...]string{2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}

// belowThousandFR writes 1 ≤ n ≤ 999. final says whether the plural s of
// "cents" and "quatre-vingts" may appear: only when nothing but a noun
// follows the group.
func belowThousandFR(n int64, final bool) string {
	hundreds, rest := n/100, n%100
	var w []string
	switch {
	case hundreds == 1:
		w = append(w, "cent")
	case hundreds > 1:
		h := unitsFR[hundreds] + " cent"
		if rest == 0 && final {
			h += "s"
		}
		w = append(w, h)
	}
	if rest > 0 {
		w = append(w, belowHundredFR(rest, final))
	}
	return strings.Join(w, " ")
}

// belowHundredFR writes 1 ≤ n ≤ 99; final as in belowThousandFR.
func belowHundredFR(n int64, final bool) string {
	tens, units := n/10, n%10
	switch {
	case n <= 16:
		return unitsFR[n]
	case n < 20:
		return "dix-" + unitsFR[units]
	case tens <= 6 && units == 0:
		return tensFR[tens]
	case tens <= 6 && units == 1:
		return tensFR[tens] + " et un"
	case tens <= 6:
		return tensFR[tens] + "-" + unitsFR[units]
	case n == 71:
		return "soixante et onze"
	case tens == 7:
		return "soixante-" + belowHundredFR(n-60, final)
	case n == 80 && final:
		return "quatre-vingts"
	case n == 80:
		return "quatre-vingt"
	default: // 81 to 99: no "et", and vingt followed by something keeps no s
		return "quatre-vingt-" + belowHundredFR(n-80, final)
	}
}

func pluralS(n int64) string {
	if n > 1 {
		return "s"
	}
	return ""
}
