package secret

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestABoxOpensOnlyWhatItSealedForTheSameOwner(t *testing.T) {
	box, err := NewBox(bytes.Repeat([]byte{7}, 32))
	require.NoError(t, err)
	sealed := box.Seal([]byte("JBSWY3DPEHPK3PXP"), []byte("user-1"))
	require.NotContains(t, string(sealed), "JBSWY3DPEHPK3PXP")
	require.NotEqual(t, sealed, box.Seal([]byte("JBSWY3DPEHPK3PXP"), []byte("user-1")), "a fresh nonce each time")

	plain, err := box.Open(sealed, []byte("user-1"))
	require.NoError(t, err)
	require.Equal(t, "JBSWY3DPEHPK3PXP", string(plain))

	_, err = box.Open(sealed, []byte("user-2"))
	require.Error(t, err, "copied to another admin's row, it does not open")
	other, err := NewBox(bytes.Repeat([]byte{8}, 32))
	require.NoError(t, err)
	_, err = other.Open(sealed, []byte("user-1"))
	require.Error(t, err, "another deployment's key does not open it")
	_, err = NewBox([]byte("short"))
	require.Error(t, err)
}
