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
// deployment. O_EXCL keeps two instances starting together from writing
// two different keys; the loser reads the winner's.
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
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return LoadOrCreateKeyFile(path)
	}
	if err != nil {
		return Key{}, fmt.Errorf("journal: create key file: %w", err)
	}
	if _, err := f.WriteString(base64.StdEncoding.EncodeToString(seed) + "\n"); err != nil {
		_ = f.Close()
		return Key{}, fmt.Errorf("journal: write key file: %w", err)
	}
	if err := f.Close(); err != nil {
		return Key{}, fmt.Errorf("journal: write key file: %w", err)
	}
	return NewKey(seed)
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
