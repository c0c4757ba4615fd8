package journal

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// The files of an archive (a zip). The manifest is signed (manifest.sig,
// base64) and names every other file's SHA-256: nothing can be removed
// from the end of a chain, or an archive stitched from two, unseen.
const (
	archiveFormat = "carnet-journal-archive/1"
	fileManifest  = "manifest.json"
	fileSignature = "manifest.sig"
	fileEntries   = "entries.jsonl"
)

// Manifest describes an archive.
type Manifest struct {
	Format     string            `json:"format"`
	Salon      uuid.UUID         `json:"salon"`
	From       time.Time         `json:"from"`
	To         time.Time         `json:"to"`
	ExportedAt time.Time         `json:"exported_at"`
	KeyID      string            `json:"key_id"`      // the key that signed this manifest
	PublicKeys map[string]string `json:"public_keys"` // key id → base64 Ed25519 public key, every key the entries use
	Registers  []ArchivedChain   `json:"registers"`
	Files      map[string]string `json:"files"` // name → hex SHA-256
}

// ArchivedChain is the part of one register's chain in an archive.
type ArchivedChain struct {
	Register uuid.UUID `json:"register"`
	FirstSeq int64     `json:"first_seq"`
	LastSeq  int64     `json:"last_seq"`
	Entries  int64     `json:"entries"`
}

// line is one entry of entries.jsonl: the row as stored, the payload as
// signed (canonical JSON, kept byte for byte).
type line struct {
	Register uuid.UUID       `json:"register"`
	Seq      int64           `json:"seq"`
	Kind     Kind            `json:"kind"`
	At       time.Time       `json:"at"`
	KeyID    string          `json:"key_id"`
	Payload  json.RawMessage `json:"payload"`
	PrevSig  string          `json:"prev_sig"`
	Sig      string          `json:"sig"`
}

// Export writes the salon's chains (every register, or the ones named) for
// [from, to) as a signed archive, and records the export in each chain.
// A register of another salon is not found.
func (j *Journal) Export(ctx context.Context, tenantID uuid.UUID, registers []uuid.UUID, from, to time.Time) ([]byte, error) {
	if !to.After(from) {
		return nil, apperr.Fields{"To": "journal.archive.order"}.Err()
	}
	now := instant(j.Clock.Now())
	m := Manifest{Format: archiveFormat, Salon: tenantID, From: instant(from), To: instant(to), ExportedAt: now,
		KeyID: j.Key.ID(), PublicKeys: map[string]string{j.Key.ID(): j.Key.PublicBase64()}, Registers: []ArchivedChain{}}
	var entries bytes.Buffer
	signers := map[string]bool{}
	err := j.DB.WithTenant(ctx, tenantID, func(tx store.Tx) error {
		if registers == nil {
			heads, err := tx.JournalHeadList(ctx, tenantID)
			if err != nil {
				return fmt.Errorf("journal: export: registers: %w", err)
			}
			for _, h := range heads {
				registers = append(registers, h.RegisterID)
			}
		}
		for _, r := range registers {
			if _, err := tx.JournalHeadGet(ctx, dbq.JournalHeadGetParams{TenantID: tenantID, RegisterID: r}); err != nil {
				return fmt.Errorf("journal: export register %s: %w", r, err) // another salon's: not found
			}
			chain, err := writeChain(ctx, tx, &entries, tenantID, r, m, signers)
			if err != nil {
				return err
			}
			if chain.Entries == 0 {
				continue
			}
			m.Registers = append(m.Registers, chain)
			// Recorded after the read: the archive holds what was there
			// when it was made; the next archive shows it was made.
			ev := Event{Name: "archive_exported", Detail: map[string]string{"from": m.From.Format(time.RFC3339),
				"to": m.To.Format(time.RFC3339), "entries": strconv.FormatInt(chain.Entries, 10)}}
			if _, err := j.append(ctx, tx, Entry{TenantID: tenantID, RegisterID: r, Kind: KindEvent, At: now, Event: &ev}); err != nil {
				return err
			}
		}
		return signerKeys(ctx, tx, signers, m.PublicKeys)
	})
	if err != nil {
		return nil, err
	}
	return j.pack(m, entries.Bytes())
}

// signerKeys adds to keys the public key of every signer of the archive's
// entries: entries signed before a key rotation verify with their own key,
// which the signed manifest vouches for.
func signerKeys(ctx context.Context, tx store.Tx, signers map[string]bool, keys map[string]string) error {
	var ids []string
	for id := range signers {
		if _, ok := keys[id]; !ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := tx.JournalKeysGet(ctx, ids)
	if err != nil {
		return fmt.Errorf("journal: export: keys: %w", err)
	}
	for _, r := range rows {
		keys[r.KeyID] = base64.StdEncoding.EncodeToString(r.PublicKey)
	}
	for _, id := range ids {
		if _, ok := keys[id]; !ok {
			// Signed before the journal kept its keys: the archive could not be verified.
			return fmt.Errorf("journal: export: no public key for key %s, which signed entries", id)
		}
	}
	return nil
}

// writeChain writes a register's entries of the archive's period and notes
// the keys that signed them.
func writeChain(ctx context.Context, tx store.Tx, w *bytes.Buffer, tenantID, register uuid.UUID, m Manifest, signers map[string]bool) (ArchivedChain, error) {
	rows, err := tx.JournalEntriesIn(ctx, dbq.JournalEntriesInParams{TenantID: tenantID, RegisterID: register, FromAt: m.From, ToAt: m.To})
	if err != nil {
		return ArchivedChain{}, fmt.Errorf("journal: export register %s: %w", register, err)
	}
	c := ArchivedChain{Register: register}
	for _, r := range rows {
		signers[r.KeyID] = true
		b, err := json.Marshal(line{Register: register, Seq: r.Seq, Kind: Kind(r.Kind), At: instant(r.At), KeyID: r.KeyID,
			Payload: r.Payload, PrevSig: base64.StdEncoding.EncodeToString(r.PrevSig), Sig: base64.StdEncoding.EncodeToString(r.Sig)})
		if err != nil {
			return c, fmt.Errorf("journal: export: encode entry %d: %w", r.Seq, err)
		}
		w.Write(append(b, '\n'))
		if c.Entries == 0 {
			c.FirstSeq = r.Seq
		}
		c.LastSeq = r.Seq
		c.Entries++
	}
	return c, nil
}

// pack zips the manifest, its signature and the entries.
func (j *Journal) pack(m Manifest, entries []byte) ([]byte, error) {
	sum := sha256.Sum256(entries)
	m.Files = map[string]string{fileEntries: hex.EncodeToString(sum[:])}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("journal: export: manifest: %w", err)
	}
	sig := base64.StdEncoding.EncodeToString(j.Key.sign(manifestMessage(manifest)))
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, f := range []struct {
		name string
		body []byte
	}{{fileManifest, manifest}, {fileSignature, []byte(sig + "\n")}, {fileEntries, entries}} {
		w, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: m.ExportedAt})
		if err != nil {
			return nil, fmt.Errorf("journal: export: %w", err)
		}
		if _, err := w.Write(f.body); err != nil {
			return nil, fmt.Errorf("journal: export: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("journal: export: %w", err)
	}
	return out.Bytes(), nil
}

// manifestMessage is what the manifest's signature covers: a tag, so an
// entry's signature can never pass for a manifest's.
func manifestMessage(manifest []byte) []byte {
	return append([]byte("carnet-journal-manifest/1\n"), manifest...)
}
