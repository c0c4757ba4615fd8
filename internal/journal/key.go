package journal

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Key is the deployment's signing key. One per deployment, kept outside the
// database: whoever can write the database cannot forge the chain.
type Key struct {
	private ed25519.PrivateKey
}

// NewKey makes a key from a 32-byte Ed25519 seed.
func NewKey(seed []byte) (Key, error) {
	if len(seed) != ed25519.SeedSize {
		return Key{}, fmt.Errorf("journal: key seed must be %d bytes, not %d", ed25519.SeedSize, len(seed))
	}
	return Key{private: ed25519.NewKeyFromSeed(seed)}, nil
}

// ParseKey reads a base64 seed, as JOURNAL_KEY and the key file hold it.
func ParseKey(b64 string) (Key, error) {
	seed, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
	if err != nil {
		return Key{}, fmt.Errorf("journal: key is not base64: %w", err)
	}
	return NewKey(seed)
}

// LoadOrCreateKeyFile reads the key file, or creates it (mode 0600) with a
// new random key when it does not exist yet: the first start of a
// deployment. The key is written to a file of its own, then hard-linked to
// path, which fails if path exists: two instances starting together never
// write two different keys, and neither ever reads a key file still being
// written (a file created at path and then written was read empty by an
// instance starting at the same moment). The loser reads the winner's key.
func LoadOrCreateKeyFile(path string) (Key, error) {
	if raw, err := os.ReadFile(path); err == nil {
		return ParseKey(string(raw))
	} else if !errors.Is(err, os.ErrNotExist) {
		return Key{}, fmt.Errorf("journal: read key file: %w", err)
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return Key{}, fmt.Errorf("journal: new key: %w", err)
	}
	tmp, err := writeTemp(filepath.Dir(path), base64.StdEncoding.EncodeToString(seed)+"\n")
	if err != nil {
		return Key{}, fmt.Errorf("journal: write key file: %w", err)
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); errors.Is(err, os.ErrExist) {
		return LoadOrCreateKeyFile(path)
	} else if err != nil {
		return Key{}, fmt.Errorf("journal: create key file: %w", err)
	}
	return NewKey(seed)
}

// writeTemp writes content to a new file (mode 0600) in dir and returns its path.
func writeTemp(dir, content string) (string, error) {
	f, err := os.CreateTemp(dir, ".carnet-journal-key-*")
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(content)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// Public is the key's public half.
func (k Key) Public() ed25519.PublicKey { return k.private.Public().(ed25519.PublicKey) }

// PublicBase64 is the public key as published on the settings page and in archives.
func (k Key) PublicBase64() string { return base64.StdEncoding.EncodeToString(k.Public()) }

// ID is the key's fingerprint, stored on every entry.
func (k Key) ID() string { return KeyID(k.Public()) }

// KeyID is a public key's fingerprint: the first 8 bytes of its SHA-256, in hex.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

func (k Key) sign(msg []byte) []byte { return ed25519.Sign(k.private, msg) }
