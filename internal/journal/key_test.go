package journal_test

import (
	"os"
	"path/filepath"
	"sync"
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

// TestInstancesStartedTogetherShareOneKey: instances on one machine starting
// at the same moment all read the key the first of them wrote — none reads
// a file still being written, none writes a second key.
func TestInstancesStartedTogetherShareOneKey(t *testing.T) {
	t.Parallel()
	for round := range 50 {
		path := filepath.Join(t.TempDir(), "carnet-journal.key")
		start := make(chan struct{})
		ids := make([]string, 8)
		errs := make([]error, len(ids))
		var wg sync.WaitGroup
		for i := range ids {
			wg.Go(func() {
				<-start
				k, err := journal.LoadOrCreateKeyFile(path)
				if errs[i] = err; err == nil {
					ids[i] = k.ID()
				}
			})
		}
		close(start)
		wg.Wait()
		for i := range ids {
			require.NoError(t, errs[i], "round %d", round)
			require.Equal(t, ids[0], ids[i], "round %d", round)
		}
	}
}
