package portal

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/riverqueue/river"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/secret"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
	"github.com/carnet-salon/carnet/internal/urls"
)

// LoginURL is the address of a sign-in link.
func (p *Portal) LoginURL(slug, token string) string {
	return p.BaseURL + urls.PortalLogin(slug, token)
}

// RequestLink sends a sign-in link, through the outbox, in the language of
// the client's record (not the page's), to this salon's client with that email whose portal is open.
// Whoever else asks (an unknown address, a blocked client) gets nothing,
// and the same nil: the answer never tells who has an account. Nor does
// its timing: the request only queues a job, the same for every address,
// and the job looks the client up.
func (p *Portal) RequestLink(ctx context.Context, sal salon.Salon, email string) error {
	email = contact.NormalizeEmail(email)
	if key := contact.CheckEmail(email); key != "" {
		return apperr.Fields{"email": key}.Err()
	}
	err := p.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		return tx.Enqueue(ctx, LinkRequestArgs{SalonID: sal.ID, Slug: sal.Slug, Email: email, AskedAt: p.Clock.Now()}, nil)
	})
	if err != nil {
		return fmt.Errorf("portal: request link: %w", err)
	}
	return nil
}

// LinkRequestArgs is a sign-in link asked for on a salon's portal.
type LinkRequestArgs struct {
	SalonID uuid.UUID `json:"salon_id"`
	Slug    string    `json:"slug"`
	Email   string    `json:"email"`
	AskedAt time.Time `json:"asked_at"` // the link's minutes count from the request, not from when the job ran
}

// Kind names the job.
func (LinkRequestArgs) Kind() string { return "portal_link_request" }

// LinkRequestWorker answers a link request.
type LinkRequestWorker struct {
	river.WorkerDefaults[LinkRequestArgs]
	Portal *Portal
}

// Work mints the link and queues its email, in one transaction: a retry
// after a failure sends one link, not two.
func (w *LinkRequestWorker) Work(ctx context.Context, job *river.Job[LinkRequestArgs]) error {
	a := job.Args
	p := w.Portal
	err := p.DB.WithTenant(ctx, a.SalonID, func(tx store.Tx) error {
		id, err := tx.PortalClientByEmail(ctx, dbq.PortalClientByEmailParams{TenantID: a.SalonID, Email: a.Email})
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		link, err := p.linkTx(ctx, tx, a.SalonID, a.Slug, id, a.AskedAt.Add(LoginLinkTTL))
		if err != nil {
			return err
		}
		return message.PortalLoginTx(ctx, tx, a.SalonID, id, link)
	})
	if err != nil {
		return fmt.Errorf("portal: send link: %w", err)
	}
	return nil
}

// linkTx mints a single-use sign-in link; only its hash is stored.
func (p *Portal) linkTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, slug string, customerID uuid.UUID, expires time.Time) (string, error) {
	raw, hash := secret.NewToken()
	if err := tx.PortalLinkAdd(ctx, dbq.PortalLinkAddParams{TokenHash: hash, TenantID: salonID, CustomerID: customerID,
		ExpiresAt: expires}); err != nil {
		return "", err
	}
	return p.LoginURL(slug, raw), nil
}

// Redeem uses a sign-in link, once, on the URL's salon only (a link of
// salon A used on salon B's address is unknown there), and returns whose it
// is. A blocked client is told so whatever the link's state; otherwise a
// used or unknown link is ErrLinkInvalid and a late one ErrLinkExpired.
func (p *Portal) Redeem(ctx context.Context, sal salon.Salon, token string) (uuid.UUID, error) {
	if len(token) < 20 || len(token) > 100 {
		return uuid.Nil, ErrLinkInvalid
	}
	now := p.Clock.Now()
	var id uuid.UUID
	var refused error
	err := p.DB.WithTenant(ctx, sal.ID, func(tx store.Tx) error {
		hash := secret.Hash(token)
		l, err := tx.PortalLinkGet(ctx, dbq.PortalLinkGetParams{TenantID: sal.ID, TokenHash: hash})
		if store.IsNotFound(err) {
			refused = ErrLinkInvalid
			return nil
		}
		if err != nil {
			return err
		}
		c, err := tx.PortalClient(ctx, dbq.PortalClientParams{TenantID: sal.ID, ID: l.CustomerID})
		if err != nil {
			return err
		}
		switch {
		case c.Live && c.PortalAccess == AccessBlocked:
			refused = ErrBlocked
		case !c.Live || c.PortalAccess != AccessOpen || l.UsedAt != nil:
			refused = ErrLinkInvalid
		case !now.Before(l.ExpiresAt):
			refused = ErrLinkExpired
		}
		if refused != nil {
			return nil
		}
		n, err := tx.PortalLinkUse(ctx, dbq.PortalLinkUseParams{Now: now, TenantID: sal.ID, TokenHash: hash})
		if err == nil && n == 0 {
			refused = ErrLinkInvalid
		}
		id = l.CustomerID
		return err
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("portal: redeem: %w", err)
	}
	if refused != nil {
		return uuid.Nil, refused
	}
	return id, nil
}

// IsLinkProblem reports whether err is a sign-in link that cannot be used
// (the page then offers to send a new one).
func IsLinkProblem(err error) bool {
	return errors.Is(err, ErrLinkInvalid) || errors.Is(err, ErrLinkExpired)
}
