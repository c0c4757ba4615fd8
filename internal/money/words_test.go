package money

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestInWordsFRSpellsEveryRuleTheTraditionalWay checks the amount in words
// against known spellings, one or more per rule of the traditional spelling.
func TestInWordsFRSpellsEveryRuleTheTraditionalWay(t *testing.T) {
	t.Parallel()
	euros := func(n int64) int64 { return n * 100 }
	for _, c := range []struct {
		cents int64
		want  string
	}{
		// Units and the words of their own.
		{euros(1), "un euro"},
		{euros(2), "deux euros"},
		{euros(16), "seize euros"},
		{euros(17), "dix-sept euros"},
		{euros(19), "dix-neuf euros"},
		// "et un" from 21 to 61, a hyphen otherwise.
		{euros(20), "vingt euros"},
		{euros(21), "vingt et un euros"},
		{euros(22), "vingt-deux euros"},
		{euros(31), "trente et un euros"},
		{euros(61), "soixante et un euros"},
		{euros(69), "soixante-neuf euros"},
		// 70 to 79 count on from soixante; 71 takes "et onze".
		{euros(70), "soixante-dix euros"},
		{euros(71), "soixante et onze euros"},
		{euros(72), "soixante-douze euros"},
		{euros(77), "soixante-dix-sept euros"},
		{euros(79), "soixante-dix-neuf euros"},
		// 80: an s only when nothing follows; 81 and 91 take no "et".
		{euros(80), "quatre-vingts euros"},
		{euros(81), "quatre-vingt-un euros"},
		{euros(88), "quatre-vingt-huit euros"},
		{euros(90), "quatre-vingt-dix euros"},
		{euros(91), "quatre-vingt-onze euros"},
		{euros(97), "quatre-vingt-dix-sept euros"},
		{euros(99), "quatre-vingt-dix-neuf euros"},
		// Cent: no "un" before it, an s only when multiplied and final.
		{euros(100), "cent euros"},
		{euros(101), "cent un euros"},
		{euros(180), "cent quatre-vingts euros"},
		{euros(200), "deux cents euros"},
		{euros(201), "deux cent un euros"},
		{euros(221), "deux cent vingt et un euros"},
		{euros(999), "neuf cent quatre-vingt-dix-neuf euros"},
		// Mille: invariable, no "un" before it, and cents/vingts before it lose their s.
		{euros(1000), "mille euros"},
		{euros(1001), "mille un euros"},
		{euros(1100), "mille cent euros"},
		{euros(1200), "mille deux cents euros"},
		{euros(2000), "deux mille euros"},
		{euros(21000), "vingt et un mille euros"},
		{euros(80000), "quatre-vingt mille euros"},
		{euros(80080), "quatre-vingt mille quatre-vingts euros"},
		{euros(100000), "cent mille euros"},
		{euros(200000), "deux cent mille euros"},
		{euros(200200), "deux cent mille deux cents euros"},
		// Million: a noun, plural, "d'euros" when it ends the amount.
		{euros(1_000_000), "un million d'euros"},
		{euros(2_000_000), "deux millions d'euros"},
		{euros(1_000_001), "un million un euros"},
		{euros(1_000_200), "un million deux cents euros"},
		{euros(1_001_000), "un million mille euros"},
		{euros(80_000_000), "quatre-vingts millions d'euros"},
		{euros(200_000_000), "deux cents millions d'euros"},
		{euros(1_000_000_000), "un milliard d'euros"},
		{euros(3_000_000_000), "trois milliards d'euros"},
		// Centimes: the same rules, "et" between euros and centimes, singular below two.
		{1, "un centime"},
		{2, "deux centimes"},
		{80, "quatre-vingts centimes"},
		{81, "quatre-vingt-un centimes"},
		{99, "quatre-vingt-dix-neuf centimes"},
		{101, "un euro et un centime"},
		{8150, "quatre-vingt-un euros et cinquante centimes"},
		{7171, "soixante et onze euros et soixante et onze centimes"},
		{100_000_050, "un million d'euros et cinquante centimes"},
		{9_999_999, "quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes"},
		{9_999_999_999, "quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes"},
		{0, "zéro euro"},
	} {
		require.Equal(t, c.want, InWordsFR(c.cents), "%d cents", c.cents)
	}
}

func TestInWordsFRRefusesWhatNoChequeCarries(t *testing.T) {
	t.Parallel()
	require.Empty(t, InWordsFR(-1), "a cheque is never negative")
	require.Empty(t, InWordsFR(-8150))
	require.Empty(t, InWordsFR(MaxInWordsCents+1))
	require.Empty(t, InWordsFR(1<<63-1))
	require.NotEmpty(t, InWordsFR(MaxInWordsCents))
}

// TestInWordsFRIsCleanAcrossTheRange samples every order of magnitude from
// 0,01 € to 999 999,99 € and checks what the cashier reads is well formed:
// the same words each time, no doubled or dangling space, a unit at the end.
func TestInWordsFRIsCleanAcrossTheRange(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		requireWellFormed(t, 1+rng.Int64N(99_999_999))
	}
	for c := int64(1); c <= 100_000; c++ { // every amount up to 1 000 €
		requireWellFormed(t, c)
	}
}

func FuzzInWordsFR(f *testing.F) {
	for _, c := range []int64{0, 1, 8150, 100_000_000, 9_999_999_999, MaxInWordsCents, -1} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, cents int64) {
		if cents <= 0 || cents > MaxInWordsCents {
			require.Equal(t, cents == 0, InWordsFR(cents) != "", "only positive amounts have words")
			return
		}
		requireWellFormed(t, cents)
	})
}

var unitAtTheEnd = regexp.MustCompile(`(euros?|centimes?)$`)

// requireWellFormed checks one amount with plain comparisons: it runs on
// every amount up to 1 000 €, where testify's reflection would dominate.
func requireWellFormed(t *testing.T, cents int64) {
	t.Helper()
	w := InWordsFR(cents)
	switch {
	case w != InWordsFR(cents):
		t.Fatalf("%d: different words on a second call", cents)
	case w == "":
		t.Fatalf("%d: no words", cents)
	case strings.Contains(w, "  "):
		t.Fatalf("%d: a double space in %q", cents, w)
	case strings.TrimSpace(w) != w:
		t.Fatalf("%d: a space at an end of %q", cents, w)
	case strings.Contains(w, "zéro"):
		t.Fatalf("%d: zero inside an amount: %q", cents, w)
	case !unitAtTheEnd.MatchString(w):
		t.Fatalf("%d: no unit at the end of %q", cents, w)
	}
}
