package secret_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/secret"
)

// Every one-character change of a signed link is refused, the last
// character included, whose spare bits a lenient decoder would ignore.
func TestASignedLinkOpensOnlyAsMinted(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	for i := range 50 {
		data := []byte{byte(i), byte(i * 7), 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, byte(i * 3)}
		token := secret.Sign(key, "receipt", data)
		got, ok := secret.Verify(key, "receipt", token)
		require.True(t, ok)
		require.Equal(t, data, got)
		for _, c := range "AaBbQgw-_" {
			for _, at := range []int{len(token) - 1, len(token)/2 - 1} {
				altered := token[:at] + string(c) + token[at+1:]
				if altered == token {
					continue
				}
				_, ok := secret.Verify(key, "receipt", altered)
				require.False(t, ok, "%s altered at %d into %s", token, at, altered)
			}
		}
		_, ok = secret.Verify(key, "unsubscribe", token)
		require.False(t, ok, "a link minted for one use opens no other")
	}
}
