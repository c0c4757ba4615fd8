package testkit

import (
	"context"
	"net/url"
	"sync"

	"github.com/google/uuid"
	"github.com/pquerna/otp/totp"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/i18n"
)

// Password is the password every fixture account uses.
const Password = "correct-horse-battery"

// Salon is a signed-up salon and its owner.
type Salon struct {
	ID         uuid.UUID
	Slug       string
	Name       string
	OwnerID    uuid.UUID
	OwnerEmail string
}

// NewSalon signs a salon up (through the same code as /signup) with a unique
// slug and owner email, its owner's address already proven, as every salon
// opened before the check; tests of the check sign up through /signup.
func (a *Areas) NewSalon(name string) Salon {
	a.T.Helper()
	suffix := randomHex(4)
	s := Salon{Slug: "salon-" + suffix, Name: name, OwnerEmail: "owner-" + suffix + "@example.com"}
	res, err := a.Srv.Accounts.Signup(context.Background(), account.SignupInput{SalonName: name, Slug: s.Slug,
		OwnerName: "Owner of " + name, Email: s.OwnerEmail, Password: Password, Lang: i18n.FR, EmailProven: true})
	require.NoError(a.T, err)
	s.ID, s.OwnerID = res.SalonID, res.UserID
	return s
}

// AdminFactor is a fixture admin's second factor: the TOTP secret and the
// recovery codes not used yet.
type AdminFactor struct {
	Secret   string
	mu       sync.Mutex
	Recovery []string
}

// NewAdmin creates a platform admin with a second factor set up, and
// returns their email.
func (a *Areas) NewAdmin() string {
	a.T.Helper()
	email := "admin-" + randomHex(4) + "@carnet.test"
	a.AdminFactor(a.NewAdminWithoutSecondFactor(email), email)
	return email
}

// NewAdminWithoutSecondFactor creates a platform admin who has not set up a
// second factor yet, and returns their id.
func (a *Areas) NewAdminWithoutSecondFactor(email string) uuid.UUID {
	a.T.Helper()
	id, err := a.Srv.Accounts.CreatePlatformAdmin(context.Background(), "testkit", email, "Admin", Password)
	require.NoError(a.T, err)
	return id
}

// AdminFactor sets a second factor up for an admin (as the enrolment page
// does) and remembers it for Login.
func (a *Areas) AdminFactor(id uuid.UUID, email string) *AdminFactor {
	a.T.Helper()
	ctx := context.Background()
	en, err := a.Srv.Accounts.StartEnrolment(ctx, id, nil)
	require.NoError(a.T, err)
	code, err := totp.GenerateCode(en.Secret, a.Clock.Now())
	require.NoError(a.T, err)
	codes, err := a.Srv.Accounts.ConfirmEnrolment(ctx, id, en.Pending, code, "")
	require.NoError(a.T, err)
	f := &AdminFactor{Secret: en.Secret, Recovery: codes}
	a.admins.Store(email, f)
	return f
}

// RecoveryCode hands out one of a fixture admin's unused recovery codes,
// for a second step typed in a browser.
func (a *Areas) RecoveryCode(email string) string {
	a.T.Helper()
	v, ok := a.admins.Load(email)
	require.True(a.T, ok, "%s is not a fixture admin", email)
	f := v.(*AdminFactor)
	f.mu.Lock()
	defer f.mu.Unlock()
	require.NotEmpty(a.T, f.Recovery, "admin %s has no recovery code left", email)
	code := f.Recovery[0]
	f.Recovery = f.Recovery[1:]
	return code
}

// Login returns a client logged in with the fixture password. A fixture
// admin also passes the second step, with one of their recovery codes (the
// test clock stands still, and a code from the app is taken once per step).
func (e *Env) Login(email string) *Client {
	e.T.Helper()
	c := e.NewClient()
	p := c.Post("/login", url.Values{"email": {email}, "password": {Password}})
	require.Equal(e.T, 303, p.Status, "login of %s failed: %s", email, p.Text(".alert"))
	if _, ok := e.admins.Load(email); ok {
		p = c.Post("/admin/2fa", url.Values{"code": {e.RecoveryCode(email)}})
		require.Equal(e.T, 303, p.Status, "second step of %s failed: %s", email, p.FieldError("code"))
	}
	return c
}
