package testkit

import (
	"context"
	"net/url"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/account"
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
// slug and owner email.
func (e *Env) NewSalon(name string) Salon {
	e.T.Helper()
	suffix := randomHex(4)
	s := Salon{Slug: "salon-" + suffix, Name: name, OwnerEmail: "owner-" + suffix + "@example.com"}
	res, err := e.Srv.Accounts.Signup(context.Background(), account.SignupInput{SalonName: name, Slug: s.Slug,
		OwnerName: "Owner of " + name, Email: s.OwnerEmail, Password: Password, Locale: "fr"})
	require.NoError(e.T, err)
	s.ID, s.OwnerID = res.SalonID, res.UserID
	return s
}

// NewAdmin creates a platform admin and returns their email.
func (e *Env) NewAdmin() string {
	e.T.Helper()
	email := "admin-" + randomHex(4) + "@carnet.test"
	_, err := e.Srv.Accounts.CreatePlatformAdmin(context.Background(), email, "Admin", Password)
	require.NoError(e.T, err)
	return email
}

// Login returns a client logged in with the fixture password.
func (e *Env) Login(email string) *Client {
	e.T.Helper()
	c := e.NewClient()
	p := c.Post("/login", url.Values{"email": {email}, "password": {Password}})
	require.Equal(e.T, 303, p.Status, "login of %s failed: %s", email, p.Text(".alert"))
	return c
}
