package journal_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
)

// TestAnArchiveSpanningAKeyRotationVerifiesEachEntryWithItsOwnKey: entries
// signed before JOURNAL_KEY was replaced still verify: the archive carries
// both public keys in its signed manifest, and each entry is checked
// against the key it names. A key altered in the manifest, or left out of
// it, fails on the first entry that key signed, named.
func TestAnArchiveSpanningAKeyRotationVerifiesEachEntryWithItsOwnKey(t *testing.T) {
	t.Parallel()
	b := setup(t)
	rng := rand.New(rand.NewPCG(11, 12))
	register := uuid.New()
	now := b.env.Clock.Now()
	b.doc(t, rng, register, now.Add(-3*time.Hour))
	b.doc(t, rng, register, now.Add(-2*time.Hour))
	oldID := b.j.Key.ID()
	seed := make([]byte, 32)
	for i := range seed {
		seed[i] = byte(rng.IntN(256))
	}
	key, err := journal.NewKey(seed)
	require.NoError(t, err)
	b.j = &journal.Journal{Key: key, DB: b.j.DB, Clock: b.j.Clock} // the deployment restarted with a new key
	b.doc(t, rng, register, now.Add(-time.Hour))

	archive, err := b.j.Export(context.Background(), b.salon, nil, now.Add(-4*time.Hour), b.env.Clock.Now().Add(time.Second))
	require.NoError(t, err)
	rep, err := verify(archive)
	require.NoError(t, err)
	require.Equal(t, 3, rep.Entries)
	require.Equal(t, key.ID(), rep.Manifest.KeyID)
	require.Len(t, rep.Manifest.PublicKeys, 2, "the old key and the new one")
	require.Contains(t, rep.Manifest.PublicKeys, oldID)

	files := unzip(t, archive)
	lines := bytes.Split(bytes.TrimSpace(files["entries.jsonl"]), []byte("\n"))
	other := base64.StdEncoding.EncodeToString(key.Public())
	for _, change := range []struct {
		name string
		keys func(map[string]string)
		why  string
	}{
		{"altered", func(k map[string]string) { k[oldID] = other }, "does not match its fingerprint"},
		{"left out", func(k map[string]string) { delete(k, oldID) }, "the manifest does not list"},
	} {
		var m journal.Manifest
		require.NoError(t, json.Unmarshal(files["manifest.json"], &m))
		change.keys(m.PublicKeys)
		manifest, err := json.MarshalIndent(m, "", "  ")
		require.NoError(t, err)
		_, err = verify(rezip(t, manifest, nil, lines, false, files["manifest.sig"]))
		var f *journal.Failure
		require.ErrorAs(t, err, &f, change.name)
		require.Equal(t, register, f.Register, change.name)
		require.Equal(t, int64(1), f.Seq, "%s: the first entry the old key signed is named", change.name)
		require.Contains(t, f.Reason, change.why, change.name)
	}
}
