package journal_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
)

// TestTheKeyFileIsMadeOnceAndKeptPrivate: the first start writes a key only
// its owner can read; the next starts read the same key.
func TestTheKeyFileIsMadeOnceAndKeptPrivate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "carnet-journal.key")
	first, err := journal.LoadOrCreateKeyFile(path)
	require.NoError(t, err)
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	again, err := journal.LoadOrCreateKeyFile(path)
	require.NoError(t, err)
	require.Equal(t, first.ID(), again.ID())
	require.Len(t, first.ID(), 16)

	require.NoError(t, os.WriteFile(path, []byte("not a key"), 0o600))
	_, err = journal.LoadOrCreateKeyFile(path)
	require.Error(t, err, "a damaged key file stops start-up rather than signing with a new key")
}
