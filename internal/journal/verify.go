package journal

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/google/uuid"
)

// Report is what the verifier found in a sound archive.
type Report struct {
	Manifest       Manifest
	Entries        int // every entry, every register
	Closures       int
	ClosuresSummed int // closures whose totals were recomputed from the archive's own documents
}

// Failure names what fails in an archive: the first entry that does
// (Register and Seq set), or the archive itself.
type Failure struct {
	Register uuid.UUID // uuid.Nil: the archive as a whole (manifest, files)
	Seq      int64
	Reason   string
}

func (f *Failure) Error() string {
	if f.Register == uuid.Nil {
		return "archive: " + f.Reason
	}
	return fmt.Sprintf("register %s, entry %d: %s", f.Register, f.Seq, f.Reason)
}

// VerifyArchive checks an archive without the database or the server:
// every entry's signature, the chain of signatures, the sequence without
// gaps, each closure's totals against the detail recomputed from the
// archive, then the manifest's signature, file hashes and counts. The
// error is a *Failure naming the first entry that fails (entries are
// checked first, so a tampered entry is named even when the manifest no
// longer matches either).
func VerifyArchive(r io.ReaderAt, size int64) (Report, error) {
	files, err := readZip(r, size)
	if err != nil {
		return Report{}, err
	}
	var m Manifest
	if err := json.Unmarshal(files[fileManifest], &m); err != nil || m.Format != archiveFormat {
		return Report{}, &Failure{Reason: "manifest.json is not a Carnet journal manifest"}
	}
	keys, err := publicKeys(m)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Manifest: m}
	chains, err := checkEntries(files[fileEntries], keys, m.Salon, &rep)
	if err != nil {
		return rep, err
	}
	return rep, checkManifest(files, m, keys, chains)
}

func readZip(r io.ReaderAt, size int64) (map[string][]byte, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Failure{Reason: "not a zip file: " + err.Error()}
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		if _, dup := files[f.Name]; dup || (f.Name != fileManifest && f.Name != fileSignature && f.Name != fileEntries) {
			return nil, &Failure{Reason: "unexpected file " + f.Name}
		}
		rc, err := f.Open()
		if err != nil {
			return nil, &Failure{Reason: "unreadable " + f.Name + ": " + err.Error()}
		}
		b, err := io.ReadAll(rc)
		_ = rc.Close()
		if err != nil {
			return nil, &Failure{Reason: "unreadable " + f.Name + ": " + err.Error()}
		}
		files[f.Name] = b
	}
	for _, name := range []string{fileManifest, fileSignature, fileEntries} {
		if _, ok := files[name]; !ok {
			return nil, &Failure{Reason: "missing " + name}
		}
	}
	return files, nil
}

// publicKeys reads the manifest's keys. A key that is malformed or does not
// match its fingerprint is left out (nil), so the first entry it signed is
// the one named; the manifest's own key must be sound.
func publicKeys(m Manifest) (map[string]ed25519.PublicKey, error) {
	keys := map[string]ed25519.PublicKey{}
	for id, b64 := range m.PublicKeys {
		pub, err := base64.StdEncoding.DecodeString(b64)
		if err != nil || len(pub) != ed25519.PublicKeySize || KeyID(pub) != id {
			keys[id] = nil
			continue
		}
		keys[id] = pub
	}
	if keys[m.KeyID] == nil {
		return nil, &Failure{Reason: "the manifest's key " + m.KeyID + " is missing, malformed or does not match its fingerprint"}
	}
	return keys, nil
}

// checkManifest holds the archive as a whole to its signed manifest.
func checkManifest(files map[string][]byte, m Manifest, keys map[string]ed25519.PublicKey, chains map[uuid.UUID]*chainState) error {
	sig, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(files[fileSignature])))
	if pub, ok := keys[m.KeyID]; err != nil || !ok || !ed25519.Verify(pub, manifestMessage(files[fileManifest]), sig) {
		return &Failure{Reason: "the manifest's signature does not verify"}
	}
	sum := sha256.Sum256(files[fileEntries])
	if m.Files[fileEntries] != hex.EncodeToString(sum[:]) || len(m.Files) != 1 {
		return &Failure{Reason: "entries.jsonl is not the file the manifest names (SHA-256 differs)"}
	}
	if len(m.Registers) != len(chains) {
		return &Failure{Reason: fmt.Sprintf("the manifest lists %d registers, the entries have %d", len(m.Registers), len(chains))}
	}
	for _, c := range m.Registers {
		got := chains[c.Register]
		if got == nil || got.first != c.FirstSeq || got.last != c.LastSeq || got.count != c.Entries {
			return &Failure{Register: c.Register, Seq: c.LastSeq, Reason: "the register's entries are not those the manifest lists (first, last or count)"}
		}
	}
	return nil
}

// scanLines splits entries.jsonl, however long a line is.
func scanLines(b []byte) *bufio.Scanner {
	s := bufio.NewScanner(bytes.NewReader(b))
	s.Buffer(make([]byte, 0, 64*1024), len(b)+1)
	return s
}
