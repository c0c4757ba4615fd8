package till

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// endOlderLinks expires, at Stripe then here, the ticket's pending links for
// another amount than what is now due: the client must not be able to pay
// an old link besides the new one. A pending link for the same amount is
// the one the new ask would create, so it stays. It returns how many of the
// ticket's links have ended (the new link's id counts them).
func (t *Till) endOlderLinks(ctx context.Context, salonID, ticketID uuid.UUID, account string, due int64) (int, error) {
	links, err := t.Links(ctx, salonID, ticketID)
	if err != nil {
		return 0, err
	}
	ended := 0
	for _, l := range links {
		if l.Status == LinkPending && l.AmountCents == due {
			continue
		}
		if l.Status == LinkPending {
			if err := t.expireAtStripe(ctx, account, l.SessionID); err != nil {
				return 0, err
			}
			if err := t.markExpired(ctx, salonID, l.ID); err != nil {
				return 0, err
			}
		}
		ended++
	}
	return ended, nil
}

// expireAtStripe ends a link's Checkout Session. Stripe refuses to expire a
// session the client has just paid: then the new link is refused too, until
// the webhook records that payment and the ticket shows what is still due.
func (t *Till) expireAtStripe(ctx context.Context, account, sessionID string) error {
	err := t.Payments.Stripe.ExpireCheckout(ctx, account, sessionID)
	if err == nil {
		return nil
	}
	status, serr := t.Payments.Stripe.CheckoutStatus(ctx, account, sessionID)
	switch {
	case serr != nil:
		return fmt.Errorf("till: expire link: %w", errors.Join(err, serr))
	case status == "complete":
		return apperr.New(apperr.Conflict, "tillstripe.link.paid_meanwhile").WithCause(err)
	case status == "expired":
		return nil
	}
	return fmt.Errorf("till: expire link: %w", err)
}

func (t *Till) markExpired(ctx context.Context, salonID, id uuid.UUID) error {
	now := t.now()
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.TillLinkExpire(ctx, dbq.TillLinkExpireParams{TenantID: salonID, ID: id, SettledAt: &now})
		return err
	})
	if err != nil {
		return fmt.Errorf("till: expire link: %w", err)
	}
	return nil
}

// ExpireLink records that Stripe closed a phone link's session unpaid (the
// checkout.session.expired event): the ticket shows the link expired and
// offers a new one. Like SettleLink it reads the link's own state, so a
// replayed or late event changes nothing once the link ended, and an event
// from another salon's account finds no link. It returns the outcome for the
// event log.
func (t *Till) ExpireLink(ctx context.Context, account, sessionID string, meta map[string]string) (string, error) {
	salonID, id, ok, err := t.linkOf(ctx, account, meta)
	if err != nil || !ok {
		return "unknown till link", err
	}
	outcome := "till link expired"
	now := t.now()
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		link, err := tx.TillLinkLock(ctx, dbq.TillLinkLockParams{TenantID: salonID, ID: id})
		switch {
		case store.IsNotFound(err) || (err == nil && link.SessionID != sessionID):
			outcome = "unknown till link"
			return nil
		case err != nil:
			return err
		case link.Status != LinkPending:
			outcome = "till link already " + link.Status
			return nil
		}
		_, err = tx.TillLinkExpire(ctx, dbq.TillLinkExpireParams{TenantID: salonID, ID: id, SettledAt: &now})
		return err
	})
	if err != nil {
		return "", fmt.Errorf("till: link expired: %w", err)
	}
	return outcome, nil
}

// linkOf finds the salon and link an event names, and whether the event
// came from that salon's own connected account.
func (t *Till) linkOf(ctx context.Context, account string, meta map[string]string) (salonID, id uuid.UUID, ok bool, err error) {
	salonID, e1 := uuid.Parse(meta["salon_id"])
	id, e2 := uuid.Parse(meta["till_payment_id"])
	if e1 != nil || e2 != nil {
		return uuid.Nil, uuid.Nil, false, nil
	}
	if t.Payments == nil {
		return uuid.Nil, uuid.Nil, false, errors.New("till: stripe link: payments are off")
	}
	st, err := t.Payments.Status(ctx, salonID)
	if err != nil {
		return uuid.Nil, uuid.Nil, false, fmt.Errorf("till: stripe link: %w", err)
	}
	return salonID, id, st.AccountID != "" && st.AccountID == account, nil
}
