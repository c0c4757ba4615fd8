// Package secret makes the unguessable tokens behind emailed links (password
// resets, invitations, a client's manage link) and the hashes stored for them.
package secret

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// NewToken returns a URL-safe token and the hash to store: a database leak
// does not hand out working links.
func NewToken() (raw string, hash []byte) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, Hash(raw)
}

// Hash is what is stored for a token.
func Hash(raw string) []byte {
	sum := sha256.Sum256([]byte(strings.TrimSpace(raw)))
	return sum[:]
}

// Sign makes a token that carries data and its own proof: a link that must
// work without a session (unsubscribing from offers) holds what it acts on,
// and only the holder of key could have minted it. purpose keeps a token
// minted for one use from being accepted by another.
func Sign(key []byte, purpose string, data []byte) string {
	return base64.RawURLEncoding.EncodeToString(data) + "." + base64.RawURLEncoding.EncodeToString(mac(key, purpose, data))
}

var tokenEncoding = base64.RawURLEncoding.Strict()

// Verify returns the data of a token Sign made with the same key and purpose.
func Verify(key []byte, purpose, token string) ([]byte, bool) {
	d, m, ok := strings.Cut(token, ".")
	if !ok {
		return nil, false
	}
	// Strict: the last character of unpadded base64 carries spare bits that
	// a lenient decoder ignores, so a link with that character changed would
	// still open. Only the exact token minted here is accepted.
	data, err1 := tokenEncoding.DecodeString(d)
	sum, err2 := tokenEncoding.DecodeString(m)
	if err1 != nil || err2 != nil || !hmac.Equal(sum, mac(key, purpose, data)) {
		return nil, false
	}
	return data, true
}

// mac is truncated to 128 bits: plenty against forgery, and links stay short.
func mac(key []byte, purpose string, data []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum(nil)[:16]
}
