package account

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters (OWASP's second recommendation): ~30 ms per hash here.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// hashSlots bounds concurrent hashes so a burst of logins cannot starve the
// CPU (and memory: 19 MiB each) for every other request: one per two cores.
// A hash is single-threaded and takes ~30 ms, so one slot still signs in 33
// people a second; two at once on 2 cores took an instance through a burst
// of 1,000 sign-ins to 152 MB instead of 133.
var hashSlots = make(chan struct{}, max(1, runtime.NumCPU()/2))

func acquireHashSlot(ctx context.Context) error {
	select {
	case hashSlots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("account: waiting to hash: %w", ctx.Err())
	}
}

func releaseHashSlot() { <-hashSlots }

// HashPassword returns a PHC-formatted argon2id hash.
func HashPassword(ctx context.Context, password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("account: salt: %w", err)
	}
	if err := acquireHashSlot(ctx); err != nil {
		return "", err
	}
	defer releaseHashSlot()
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

var errBadHash = errors.New("account: malformed password hash")

// VerifyPassword reports whether password matches the encoded hash, using the
// parameters stored with it (so they can be raised later without a reset).
func VerifyPassword(ctx context.Context, encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var memory, iterations uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &iterations, &threads); err != nil {
		return false, errBadHash
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return false, errBadHash
	}
	if err := acquireHashSlot(ctx); err != nil {
		return false, err
	}
	defer releaseHashSlot()
	got := argon2.IDKey([]byte(password), salt, iterations, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is verified against when an email is unknown, so a login takes
// as long whether or not the account exists.
var dummyHash = func() string {
	h, err := HashPassword(context.Background(), "carnet-timing-equaliser")
	if err != nil {
		panic(err)
	}
	return h
}()

//go:embed common_passwords.txt
var commonPasswordList string

var commonPasswords = func() map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonPasswordList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			set[strings.ToLower(w)] = true
		}
	}
	return set
}()

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// CheckPassword returns the message key of what makes a password too weak, or "".
func CheckPassword(password, email string) string {
	n := utf8.RuneCountInString(password)
	lower := strings.ToLower(password)
	switch {
	case n == 0:
		return "field.required"
	case n < MinPasswordLength:
		return "password.short"
	case len(password) > 256:
		return "password.long"
	case commonPasswords[lower] || strings.Count(lower, lower[:1]) == len(lower):
		return "password.common"
	case email != "" && strings.Contains(lower, strings.SplitN(email, "@", 2)[0]) && len(strings.SplitN(email, "@", 2)[0]) >= 4:
		return "password.email"
	}
	return ""
}
