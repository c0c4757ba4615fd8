package web_test

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/pquerna/otp/totp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// passwordOnly signs an admin in with their password alone.
func passwordOnly(t *testing.T, env *testkit.Env, email string) *testkit.Client {
	t.Helper()
	c := env.NewClient()
	p := c.Post("/login", url.Values{"email": {email}, "password": {testkit.Password}})
	require.Equal(t, 303, p.Status, p.Text(".alert"))
	return c
}

func ownerDB(t *testing.T) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), testkit.DatabaseURL())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func auditCount(t *testing.T, conn *pgx.Conn, action, email string) int {
	t.Helper()
	var n int
	require.NoError(t, conn.QueryRow(context.Background(),
		`SELECT count(*) FROM audit_log WHERE action = $1 AND actor_email = $2`, action, email).Scan(&n))
	return n
}

func TestAnAdminWithoutSecondFactorEnrolsBeforeAnyAdminPage(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	conn := ownerDB(t)
	email := "enrol-" + uuid.NewString()[:8] + "@carnet.test"
	env.NewAdminWithoutSecondFactor(email)
	c := passwordOnly(t, env, email)

	for _, path := range []string{"/admin", "/admin/audit", "/admin/platform", "/admin/2fa"} {
		p := c.Get(path)
		require.Equal(t, 303, p.Status, path)
		require.Equal(t, "/admin/2fa/setup", p.Location(), path)
	}
	page := c.Get("/admin/2fa/setup")
	require.Equal(t, 200, page.Status)
	src, _ := page.Doc.Find("#twofactor-secret img").Attr("src")
	require.True(t, strings.HasPrefix(src, "data:image/png;base64,"), "a QR code to scan")
	secret := page.Text("#twofactor-key")
	require.Regexp(t, `^[A-Z2-7]{32}$`, secret)
	require.Equal(t, secret, c.Get("/admin/2fa/setup").Text("#twofactor-key"), "a reload keeps the secret being set up")

	p := c.Post("/admin/2fa/setup", url.Values{"code": {"12345"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("code"), "Ce code ne convient pas")
	require.Equal(t, secret, p.Text("#twofactor-key"))
	require.Equal(t, 303, c.Get("/admin").Status, "still no way in")

	code, err := totp.GenerateCode(secret, env.Clock.Now())
	require.NoError(t, err)
	p = c.Post("/admin/2fa/setup", url.Values{"code": {code}})
	require.Equal(t, 200, p.Status, p.FieldError("code"))
	var codes []string
	p.Doc.Find("#recovery-codes li").Each(func(_ int, li *goquery.Selection) { codes = append(codes, strings.TrimSpace(li.Text())) })
	require.Len(t, codes, 10)
	for _, rc := range codes {
		require.Regexp(t, `^[a-z2-7]{5}-[a-z2-7]{5}$`, rc)
	}
	require.Equal(t, "no-store", p.Header.Get("Cache-Control"), "the codes are shown once, never cached")
	require.Equal(t, 200, c.Get("/admin").Status, "enrolment proves the second factor for this session")
	require.Equal(t, 1, auditCount(t, conn, "admins.2fa_enrol", email))

	// Stored: the secret sealed, the recovery codes hashed.
	var sealed []byte
	require.NoError(t, conn.QueryRow(context.Background(),
		`SELECT t.secret_enc FROM admin_totp t JOIN users u ON u.id = t.user_id WHERE u.email = $1`, email).Scan(&sealed))
	require.False(t, bytes.Contains(sealed, []byte(secret)))
	var plain int
	require.NoError(t, conn.QueryRow(context.Background(), `SELECT count(*) FROM admin_recovery_codes r JOIN users u ON u.id = r.user_id
		WHERE u.email = $1 AND position(convert_to($2, 'UTF8') in r.code_hash) > 0`, email, codes[0]).Scan(&plain))
	require.Zero(t, plain)

	// Once enrolled, the setup page gives no new secret.
	other := passwordOnly(t, env, email)
	p = other.Get("/admin/2fa/setup")
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/admin/2fa", p.Location())
}

func TestAdminSignInAsksForACodeAndRefusesWrongReplayedAndUsedOnes(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	conn := ownerDB(t)
	email := "step-" + uuid.NewString()[:8] + "@carnet.test"
	f := env.AdminFactor(env.NewAdminWithoutSecondFactor(email), email)
	env.Clock.Advance(30 * time.Second) // past the step the enrolment used

	c := passwordOnly(t, env, email)
	before := c.Cookie("carnet_session")
	p := c.Get("/admin/audit")
	require.Equal(t, 303, p.Status)
	require.Equal(t, "/admin/2fa?next=%2Fadmin%2Faudit", p.Location())
	step := c.Get(p.Location())
	require.Equal(t, 200, step.Status)
	require.Equal(t, "/admin/audit", step.Value(`input[name="next"]`))

	code, err := totp.GenerateCode(f.Secret, env.Clock.Now())
	require.NoError(t, err)
	wrong := "000000"
	if wrong == code {
		wrong = "111111"
	}
	p = c.Post("/admin/2fa", url.Values{"code": {wrong}, "next": {"/admin/audit"}})
	require.Equal(t, 422, p.Status)
	require.Contains(t, p.FieldError("code"), "Ce code ne convient pas")
	require.Equal(t, "/admin/audit", p.Value(`input[name="next"]`), "the form comes back with where to go")

	p = c.Post("/admin/2fa", url.Values{"code": {code}, "next": {"/admin/audit"}})
	require.Equal(t, 303, p.Status, p.FieldError("code"))
	require.Equal(t, "/admin/audit", p.Location())
	require.NotEqual(t, before, c.Cookie("carnet_session"), "a new session id once the second factor is proven")
	require.Equal(t, 200, c.Get("/admin").Status)
	require.Equal(t, 1, auditCount(t, conn, "admins.sign_in_totp", email))

	// The same code again, within its 30 seconds, from another browser: refused.
	thief := passwordOnly(t, env, email)
	p = thief.Post("/admin/2fa", url.Values{"code": {code}})
	require.Equal(t, 422, p.Status)
	require.Equal(t, 303, thief.Get("/admin").Status)

	// A recovery code works once.
	rc := strings.ToUpper(strings.ReplaceAll(f.Recovery[0], "-", " ")) // typed as read aloud
	p = thief.Post("/admin/2fa", url.Values{"code": {rc}})
	require.Equal(t, 303, p.Status, p.FieldError("code"))
	require.Equal(t, 200, thief.Get("/admin").Status)
	require.Equal(t, 1, auditCount(t, conn, "admins.recovery_code_used", email))
	again := passwordOnly(t, env, email)
	p = again.Post("/admin/2fa", url.Values{"code": {f.Recovery[0]}})
	require.Equal(t, 422, p.Status, "a recovery code is single use")

	// The audit page names what happened.
	audit := c.Get("/admin/audit").Text(".audit")
	require.Contains(t, audit, "Code de vérification accepté")
	require.Contains(t, audit, "Code de secours utilisé")
}

func TestTheCodeStepIsRateLimited(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	email := "guess-" + uuid.NewString()[:8] + "@carnet.test"
	f := env.AdminFactor(env.NewAdminWithoutSecondFactor(email), email)
	env.Clock.Advance(30 * time.Second)
	code, err := totp.GenerateCode(f.Secret, env.Clock.Now())
	require.NoError(t, err)
	wrong := "000000"
	if wrong == code {
		wrong = "111111"
	}
	c := passwordOnly(t, env, email)
	for i := range 5 {
		require.Equal(t, 422, c.Post("/admin/2fa", url.Values{"code": {wrong}}).Status, "try %d", i+1)
	}
	// From another address too: the limit is the admin's, not the browser's.
	p := passwordOnly(t, env, email).Post("/admin/2fa", url.Values{"code": {code}})
	require.Equal(t, 429, p.Status)
}

func TestTheSecondFactorPagesAreInvisibleToEveryoneElse(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Curieux 2FA")
	for _, c := range []*testkit.Client{env.NewClient(), env.Login(s.OwnerEmail)} {
		for _, path := range []string{"/admin/2fa", "/admin/2fa/setup"} {
			require.Equal(t, 404, c.Get(path).Status, path)
			require.Equal(t, 404, c.Post(path, url.Values{"code": {"123456"}}).Status, path)
		}
	}
}

// Someone who phished an admin's password and opened the set-up page first
// must not learn the secret the real admin will scan: each session sets up
// its own, and only the one confirmed counts.
func TestASecondFactorSecretIsShownToOneSessionOnly(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	email := "phished-" + uuid.NewString()[:8] + "@carnet.test"
	env.NewAdminWithoutSecondFactor(email)
	thief, admin := passwordOnly(t, env, email), passwordOnly(t, env, email)

	stolen := thief.Get("/admin/2fa/setup").Text("#twofactor-key")
	require.Regexp(t, `^[A-Z2-7]{32}$`, stolen)
	wrong := thief.Post("/admin/2fa/setup", url.Values{"code": {"000000"}})
	require.Equal(t, stolen, wrong.Text("#twofactor-key"), "a refused code shows this session's own secret again")

	scanned := admin.Get("/admin/2fa/setup").Text("#twofactor-key")
	require.NotEqual(t, stolen, scanned, "the real admin is shown a secret nobody else saw")
	code, err := totp.GenerateCode(scanned, env.Clock.Now())
	require.NoError(t, err)
	require.Equal(t, 200, admin.Post("/admin/2fa/setup", url.Values{"code": {code}}).Status)
	require.Equal(t, 200, admin.Get("/admin").Status)

	env.Clock.Advance(time.Minute)
	forged, err := totp.GenerateCode(stolen, env.Clock.Now())
	require.NoError(t, err)
	p := thief.Post("/admin/2fa", url.Values{"code": {forged}})
	require.NotEqual(t, 303, p.Status, "a code from the stolen secret opens nothing")
	require.Equal(t, 303, thief.Get("/admin").Status)
}
