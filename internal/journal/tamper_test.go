package journal_test

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/testkit"
)

func verify(archive []byte) (journal.Report, error) {
	return journal.VerifyArchive(bytes.NewReader(archive), int64(len(archive)))
}

// buildArchive records three days of random tickets, credit notes and split
// payments on two registers last month, closes each day and the month, and
// exports it all.
func buildArchive(t *testing.T, b *bundle, rng *rand.Rand) []byte {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	month, _ := journal.Bounds(journal.Month, b.env.Clock.Now().AddDate(0, -1, 0), paris)
	for _, register := range []uuid.UUID{uuid.New(), uuid.New()} {
		for d := range 3 {
			day := month.AddDate(0, 0, 2+d)
			for range 4 + rng.IntN(8) {
				b.doc(t, rng, register, day.Add(9*time.Hour+time.Duration(rng.Int64N(int64(10*time.Hour)))))
			}
			b.close(t, register, journal.Day, day, day.AddDate(0, 0, 1))
		}
		b.close(t, register, journal.Month, month, month.AddDate(0, 1, 0))
	}
	archive, err := b.j.Export(t.Context(), b.salon, nil, month, b.env.Clock.Now())
	require.NoError(t, err)
	return archive
}

// TestEveryTamperingOfAnArchiveIsDetected: 1,000 random alterations of an
// exported archive — an amount changed, an entry removed, inserted or
// swapped, a closure altered, a bit of a signature flipped — each fails
// verification. Half the time the manifest is recomputed and re-signed with
// the deployment's key, and an altered closure has its chain re-signed, so
// the checks of the entries themselves must catch it and name the entry.
func TestEveryTamperingOfAnArchiveIsDetected(t *testing.T) {
	t.Parallel()
	b := setup(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 11))
	archive := buildArchive(t, b, rng)
	rep, err := verify(archive)
	require.NoError(t, err)
	require.Equal(t, 8, rep.Closures)
	require.Equal(t, rep.Closures, rep.ClosuresSummed, "every closure is recomputed from the archive")

	key, err := journal.ParseKey(testkit.JournalKey)
	require.NoError(t, err)
	seedBytes, _ := base64.StdEncoding.DecodeString(testkit.JournalKey)
	priv := ed25519.NewKeyFromSeed(seedBytes)
	files := unzip(t, archive)
	lines := bytes.Split(bytes.TrimSuffix(files["entries.jsonl"], []byte("\n")), []byte("\n"))
	kinds := map[string]int{}
	for i := range 1000 {
		kind, tampered, resign := tamper(t, rng, lines, priv)
		kinds[kind]++
		manifest := files["manifest.json"]
		if resign {
			manifest = resignManifest(t, manifest, tampered, priv)
		}
		out := rezip(t, manifest, []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(priv, journal.ManifestMessage(manifest)))), tampered, resign, files["manifest.sig"])
		_, err := verify(out)
		require.Error(t, err, "tampering %d (%s, manifest re-signed %v) went unseen", i, kind, resign)
		var f *journal.Failure
		require.ErrorAs(t, err, &f)
		if resign {
			require.NotEqual(t, uuid.Nil, f.Register, "tampering %d (%s): the failing entry is named: %v", i, kind, err)
		}
	}
	t.Logf("tamperings: %v (key %s)", kinds, key.ID())
}

var inclCents = regexp.MustCompile(`"InclCents":(-?[0-9]+)`)

// tamper alters a copy of the lines one way, and says whether the manifest
// may be re-signed (not when the alteration is removing a chain's end: only
// the manifest tells that an archive was cut short).
func tamper(t *testing.T, rng *rand.Rand, lines [][]byte, priv ed25519.PrivateKey) (string, [][]byte, bool) {
	t.Helper()
	out := make([][]byte, len(lines))
	for i, l := range lines {
		out[i] = bytes.Clone(l)
	}
	resign := rng.IntN(2) == 0
	i := rng.IntN(len(out))
	switch rng.IntN(6) {
	case 0:
		for !inclCents.Match(out[i]) {
			i = rng.IntN(len(out))
		}
		out[i] = inclCents.ReplaceAllFunc(out[i], func(m []byte) []byte {
			n, _ := strconv.ParseInt(string(inclCents.FindSubmatch(m)[1]), 10, 64)
			return []byte(`"InclCents":` + strconv.FormatInt(n+1+rng.Int64N(500), 10))
		})
		return "amount", out, resign
	case 1:
		if resign && (i == 0 || i == len(out)-1 || entry(t, out[i]).Register != entry(t, out[i-1]).Register ||
			entry(t, out[i]).Register != entry(t, out[i+1]).Register) {
			resign = false // a chain's first or last entry: only the manifest knows it was there
		}
		return "removed", append(out[:i:i], out[i+1:]...), resign
	case 2:
		j := rng.IntN(len(out) + 1)
		return "inserted", append(out[:j:j], append([][]byte{bytes.Clone(out[i])}, out[j:]...)...), resign
	case 3:
		j := rng.IntN(len(out))
		for j == i {
			j = rng.IntN(len(out))
		}
		out[i], out[j] = out[j], out[i]
		return "swapped", out, resign
	case 4:
		return "closure", alterClosure(t, rng, out, priv), resign
	default:
		var l map[string]any
		require.NoError(t, json.Unmarshal(out[i], &l))
		sig, _ := base64.StdEncoding.DecodeString(l["sig"].(string))
		bit := rng.IntN(len(sig) * 8)
		sig[bit/8] ^= 1 << (bit % 8)
		out[i] = setField(t, out[i], "sig", base64.StdEncoding.EncodeToString(sig))
		return "signature bit", out, resign
	}
}

// alterClosure changes one closure's totals and re-signs it and every
// later entry of its register, as the key's holder could.
func alterClosure(t *testing.T, rng *rand.Rand, out [][]byte, priv ed25519.PrivateKey) [][]byte {
	t.Helper()
	var closures []int
	for i, l := range out {
		if entry(t, l).Kind == journal.KindClosure {
			closures = append(closures, i)
		}
	}
	i := closures[rng.IntN(len(closures))]
	e := entry(t, out[i])
	field := []string{"ExclCents", "VATCents", "InclCents", "GrandTotal", "Documents", "Cents", "BaseCents"}[rng.IntN(7)]
	re := regexp.MustCompile(`"` + field + `":(-?[0-9]+)`)
	payload := []byte(e.Payload)
	matches := re.FindAllSubmatchIndex(payload, -1)
	m := matches[rng.IntN(len(matches))]
	n, _ := strconv.ParseInt(string(payload[m[2]:m[3]]), 10, 64)
	payload = append(append(bytes.Clone(payload[:m[2]]), strconv.FormatInt(n+1+rng.Int64N(99), 10)...), payload[m[3]:]...)
	out[i] = setField(t, out[i], "payload", json.RawMessage(payload))
	prev := e.PrevSig
	for k := i; k < len(out); k++ {
		ek := entry(t, out[k])
		if ek.Register != e.Register {
			break
		}
		sig := ed25519.Sign(priv, journal.Message(ek.Register, ek.Seq, ek.Kind, ek.Payload, prev))
		out[k] = setField(t, setField(t, out[k], "prev_sig", base64.StdEncoding.EncodeToString(prev)), "sig", base64.StdEncoding.EncodeToString(sig))
		prev = sig
	}
	return out
}

type archivedLine struct {
	Register uuid.UUID       `json:"register"`
	Seq      int64           `json:"seq"`
	Kind     journal.Kind    `json:"kind"`
	Payload  json.RawMessage `json:"payload"`
	PrevSig  []byte          `json:"prev_sig"`
}

func entry(t *testing.T, l []byte) archivedLine {
	t.Helper()
	var e archivedLine
	require.NoError(t, json.Unmarshal(l, &e))
	return e
}

// setField replaces one field of a line, keeping the others byte for byte.
func setField(t *testing.T, l []byte, name string, v any) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(l, &m))
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	m[name] = raw
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

// resignManifest makes the manifest match the tampered entries (hash,
// chains' first and last numbers and counts) and signs it again.
func resignManifest(t *testing.T, manifest []byte, lines [][]byte, _ ed25519.PrivateKey) []byte {
	t.Helper()
	var m journal.Manifest
	require.NoError(t, json.Unmarshal(manifest, &m))
	body := append(bytes.Join(lines, []byte("\n")), '\n')
	sum := sha256.Sum256(body)
	m.Files["entries.jsonl"] = hex.EncodeToString(sum[:])
	index := map[uuid.UUID]int{}
	m.Registers = nil
	for _, l := range lines {
		e := entry(t, l)
		i, ok := index[e.Register]
		if !ok {
			i = len(m.Registers)
			index[e.Register] = i
			m.Registers = append(m.Registers, journal.ArchivedChain{Register: e.Register, FirstSeq: e.Seq})
		}
		m.Registers[i].LastSeq = e.Seq
		m.Registers[i].Entries++
	}
	out, err := json.MarshalIndent(m, "", "  ")
	require.NoError(t, err)
	return out
}

func unzip(t *testing.T, archive []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	require.NoError(t, err)
	files := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		files[f.Name], err = io.ReadAll(r)
		require.NoError(t, err)
	}
	return files
}

func rezip(t *testing.T, manifest, newSig []byte, lines [][]byte, resigned bool, oldSig []byte) []byte {
	t.Helper()
	sig := oldSig
	if resigned {
		sig = newSig
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range map[string][]byte{"manifest.json": manifest, "manifest.sig": sig,
		"entries.jsonl": append(bytes.Join(lines, []byte("\n")), '\n')} {
		w, err := z.Create(name)
		require.NoError(t, err)
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, z.Close())
	return buf.Bytes()
}

// TestWriteArchiveForTheCommand writes the archive cmd/carnet's
// verify-archive test reads, when asked:
// CARNET_WRITE_ARCHIVE=$PWD/cmd/carnet/testdata/journal-archive.zip go test ./internal/journal -run TestWriteArchiveForTheCommand
func TestWriteArchiveForTheCommand(t *testing.T) {
	path := os.Getenv("CARNET_WRITE_ARCHIVE")
	if path == "" {
		t.Skip("CARNET_WRITE_ARCHIVE not set")
	}
	b := setup(t)
	archive := buildArchive(t, b, rand.New(rand.NewPCG(8, 9)))
	require.NoError(t, os.WriteFile(path, archive, 0o644))
}
