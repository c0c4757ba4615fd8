package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// run is `carnet admin args…` with stdin, as the binary runs it.
func run(t *testing.T, env *testkit.Areas, stdin string, args ...string) (string, error) {
	t.Helper()
	cmd, err := admin.ParseCommand(args)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	err = cmd.Run(context.Background(), env.Srv.Accounts, strings.NewReader(stdin), &out)
	return out.String(), err
}

func db(t *testing.T) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), testkit.DatabaseURL())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

type user struct {
	hash    string
	isAdmin bool
}

func userOf(t *testing.T, conn *pgx.Conn, email string) user {
	t.Helper()
	var u user
	require.NoError(t, conn.QueryRow(context.Background(), `SELECT u.password_hash, EXISTS (SELECT 1 FROM platform_admins p WHERE p.user_id = u.id)
		FROM users u WHERE u.email = $1`, email).Scan(&u.hash, &u.isAdmin))
	return u
}

type auditRow struct {
	Actor, Email, IP string
}

// audits returns the audit log's rows of an action about an email (or by it).
func audits(t *testing.T, conn *pgx.Conn, action, email string) []auditRow {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT actor_email, detail, ip FROM audit_log WHERE action = $1
		AND (detail->>'email' = $2 OR actor_email = $2) ORDER BY id`, action, email)
	require.NoError(t, err)
	var out []auditRow
	for rows.Next() {
		var r auditRow
		var detail []byte
		require.NoError(t, rows.Scan(&r.Actor, &detail, &r.IP))
		var d map[string]string
		require.NoError(t, json.Unmarshal(detail, &d))
		r.Email = d["email"]
		out = append(out, r)
	}
	require.NoError(t, rows.Err())
	return out
}

func TestAdminCreateMakesANewAccountAnAdmin(t *testing.T) {
	env := testkit.NewAreas(t)
	conn := db(t)

	_, err := run(t, env, "short\n", "create", "--email", "new-ops@carnet.test")
	require.EqualError(t, err, "Password: At least 10 characters.", "a sentence, not a key")

	out, err := run(t, env, "a-long-admin-secret\n", "create", "--email", "New-Ops@Carnet.test", "--name", "Ops")
	require.NoError(t, err)
	require.Equal(t, "platform admin new-ops@carnet.test is ready: log in at "+env.Srv.Config.BaseURL.String()+"/login\n", out)
	require.True(t, userOf(t, conn, "new-ops@carnet.test").isAdmin)
	id, _, err := env.Srv.Accounts.Login(context.Background(), "new-ops@carnet.test", "a-long-admin-secret")
	require.NoError(t, err, "the password read from stdin is the account's")
	require.True(t, id.IsAdmin)
	require.Equal(t, []auditRow{{Actor: account.ByCommandLine, Email: "new-ops@carnet.test"}}, audits(t, conn, account.AuditAdminCreate, "new-ops@carnet.test"))
}

func TestAdminCreateNeverTakesAnExistingAccountOver(t *testing.T) {
	env := testkit.NewAreas(t)
	conn := db(t)
	owner := env.NewSalon("Institut Léa").OwnerEmail
	before := userOf(t, conn, owner)

	stdin := strings.NewReader("an-attackers-password\n")
	cmd, err := admin.ParseCommand([]string{"create", "--email", owner})
	require.NoError(t, err)
	var out bytes.Buffer
	err = cmd.Run(context.Background(), env.Srv.Accounts, stdin, &out)
	require.EqualError(t, err, "An account already uses "+owner+": it was left as it is. To make it a platform admin without changing its password, run: carnet admin create --email "+owner+" --promote")
	require.Equal(t, "an-attackers-password\n", func() string { b := new(strings.Builder); _, _ = stdin.WriteTo(b); return b.String() }(),
		"refused before any password is read")
	require.Empty(t, out.String())
	require.Equal(t, before, userOf(t, conn, owner), "same password, still not an admin")
	_, _, err = env.Srv.Accounts.Login(context.Background(), owner, testkit.Password)
	require.NoError(t, err, "the owner still signs in with their own password")
	require.Empty(t, audits(t, conn, account.AuditAdminCreate, owner))
}

func TestAdminPromoteKeepsThePassword(t *testing.T) {
	env := testkit.NewAreas(t)
	conn := db(t)
	owner := env.NewSalon("Institut Promu").OwnerEmail
	before := userOf(t, conn, owner)

	out, err := run(t, env, "", "create", "--email", owner, "--promote")
	require.NoError(t, err)
	require.Equal(t, owner+" is a platform admin; the account's password has not changed.\n", out)
	after := userOf(t, conn, owner)
	require.True(t, after.isAdmin)
	require.Equal(t, before.hash, after.hash, "the password is untouched")
	id, _, err := env.Srv.Accounts.Login(context.Background(), owner, testkit.Password)
	require.NoError(t, err)
	require.True(t, id.IsAdmin)

	_, err = run(t, env, "", "create", "--email", owner, "--promote")
	require.NoError(t, err, "promoting an admin again is harmless")
	require.Equal(t, []auditRow{{Actor: account.ByCommandLine, Email: owner}}, audits(t, conn, account.AuditAdminPromote, owner), "logged once")

	_, err = run(t, env, "", "create", "--email", "nobody@carnet.test", "--promote")
	require.EqualError(t, err, "No account uses nobody@carnet.test, so there is nobody to promote: run carnet admin create --email nobody@carnet.test without --promote to create one.")
}

func TestAdminListAndRemove(t *testing.T) {
	env := testkit.NewAreas(t)
	conn := db(t)
	ctx := context.Background()
	_, err := conn.Exec(ctx, `DELETE FROM platform_admins`) // this test counts every admin
	require.NoError(t, err)

	out, err := run(t, env, "", "list")
	require.NoError(t, err)
	require.Equal(t, "There is no platform admin yet: create one with carnet admin create --email E.\n", out)

	_, err = run(t, env, "a-long-admin-secret-1\n", "create", "--email", "first@carnet.test", "--name", "Première")
	require.NoError(t, err)
	_, err = run(t, env, "a-long-admin-secret-2\n", "create", "--email", "second@carnet.test", "--name", "Seconde")
	require.NoError(t, err)
	out, err = run(t, env, "", "list")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	require.True(t, strings.HasPrefix(lines[0], "first@carnet.test\tPremière\tsince "), lines[0])
	require.True(t, strings.HasPrefix(lines[1], "second@carnet.test\tSeconde\tsince "), lines[1])

	before := userOf(t, conn, "first@carnet.test")
	out, err = run(t, env, "", "remove", "--email", "first@carnet.test")
	require.NoError(t, err)
	require.Equal(t, "first@carnet.test is no longer a platform admin; the account itself is kept.\n", out)
	after := userOf(t, conn, "first@carnet.test")
	require.False(t, after.isAdmin, "demoted")
	require.Equal(t, before.hash, after.hash, "the account is kept as it was")
	require.Equal(t, []auditRow{{Actor: account.ByCommandLine, Email: "first@carnet.test"}}, audits(t, conn, account.AuditAdminRemove, "first@carnet.test"))

	_, err = run(t, env, "", "remove", "--email", "first@carnet.test")
	require.EqualError(t, err, "first@carnet.test is not a platform admin.")
	_, err = run(t, env, "", "remove", "--email", "ghost@carnet.test")
	require.EqualError(t, err, "No account uses ghost@carnet.test.")

	_, err = run(t, env, "", "remove", "--email", "second@carnet.test")
	require.EqualError(t, err, "second@carnet.test is the last platform admin: make another account an admin first (carnet admin create), then remove this one.")
	require.True(t, userOf(t, conn, "second@carnet.test").isAdmin, "the last admin stays")
	require.Empty(t, audits(t, conn, account.AuditAdminRemove, "second@carnet.test"))

	out, err = run(t, env, "", "list")
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(out, "\n"))
	require.Contains(t, out, "second@carnet.test")
}

func TestAdminCommandErrorsAreSentences(t *testing.T) {
	for args, want := range map[string]string{
		"":                           "usage:",
		"grant --email a@b.fr":       `There is no "carnet admin grant" command.`,
		"create":                     "carnet admin create needs the account's email: --email E.",
		"remove":                     "carnet admin remove needs the account's email: --email E.",
		"create --email a@b.fr --nm": "carnet admin create: flag provided but not defined: -nm.",
	} {
		_, err := admin.ParseCommand(strings.Fields(args))
		require.ErrorContains(t, err, want, args)
	}
}

func TestAnAdminSignInIsAudited(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	conn := db(t)
	email := env.NewAdmin()
	c := env.Login(email)
	rows := audits(t, conn, account.AuditAdminSignIn, email)
	require.Len(t, rows, 1)
	require.Equal(t, email, rows[0].Actor)
	require.Regexp(t, `^\d+\.\d+\.\d+\.\d+$`, rows[0].IP, "where the admin signed in from")

	owner := env.NewSalon("Institut Discret").OwnerEmail
	env.Login(owner)
	require.Empty(t, audits(t, conn, account.AuditAdminSignIn, owner), "a salon owner's sign-in is not an admin's")

	// The admin's audit page shows it.
	page := c.Get("/admin/audit")
	require.Equal(t, 200, page.Status)
	require.Contains(t, page.Text(".audit li"), "Connexion d'un administrateur")
	require.Contains(t, page.Text(".audit li"), email)
}

func TestResetTwoFactorSendsALockedOutAdminBackToEnrolmentAndIsAudited(t *testing.T) {
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	conn := db(t)
	email := "lost-phone@carnet.test"
	f := env.AdminFactor(env.NewAdminWithoutSecondFactor(email), email)

	out, err := run(t, env.Areas, "", "reset-2fa", "--email", "Lost-Phone@carnet.test")
	require.NoError(t, err)
	require.Contains(t, out, "lost-phone@carnet.test has no second factor now")
	require.Equal(t, []auditRow{{Actor: account.ByCommandLine, Email: email}}, audits(t, conn, account.AuditAdminTwoFactorReset, email))

	c := env.NewClient()
	require.Equal(t, 303, c.Post("/login", url.Values{"email": {email}, "password": {testkit.Password}}).Status)
	p := c.Post("/admin/2fa", url.Values{"code": {f.Recovery[0]}})
	require.Equal(t, 422, p.Status, "the old recovery codes are gone")
	require.Equal(t, "/admin/2fa/setup", c.Get("/admin").Location(), "the admin sets up a new factor")

	_, err = run(t, env.Areas, "", "reset-2fa", "--email", "nobody@carnet.test")
	require.ErrorContains(t, err, "No account uses nobody@carnet.test.")
	owner := env.NewSalon("Pas admin").OwnerEmail
	_, err = run(t, env.Areas, "", "reset-2fa", "--email", owner)
	require.ErrorContains(t, err, "is not a platform admin")
}
