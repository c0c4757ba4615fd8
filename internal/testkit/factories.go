package testkit

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
)

// ServiceOptions describe a service; the zero value is a 60-minute
// service at 50 €, not bookable online, under the salon's payment rule.
type ServiceOptions struct {
	Name           string
	Duration       time.Duration
	Buffer         time.Duration
	PriceCents     int64
	OnlineBookable bool
	Rule           *payment.Rule
}

// NewService adds a service to the salon's catalogue.
func (a *Areas) NewService(salonID uuid.UUID, o ServiceOptions) uuid.UUID {
	a.T.Helper()
	in := catalog.ServiceInput{Name: o.Name, Duration: o.Duration, Buffer: o.Buffer, PriceCents: o.PriceCents,
		OnlineBookable: o.OnlineBookable, Rule: o.Rule}
	if in.Name == "" {
		in.Name = "Soin " + randomHex(2)
	}
	if in.Duration == 0 {
		in.Duration = 60 * time.Minute
	}
	if in.PriceCents == 0 {
		in.PriceCents = 5000
	}
	id, err := a.Srv.Catalog.CreateService(context.Background(), salonID, in)
	require.NoError(a.T, err)
	return id
}

// StaffOptions describe a staff member without a login.
type StaffOptions struct {
	Name     string
	Color    int // 1..8; 1 by default
	Inactive bool
	Services []uuid.UUID // the services they perform
}

// NewStaff adds a staff member to the salon's team.
func (a *Areas) NewStaff(salonID uuid.UUID, o StaffOptions) uuid.UUID {
	a.T.Helper()
	in := team.MemberInput{Name: o.Name, Color: o.Color, Active: !o.Inactive, Services: o.Services}
	if in.Name == "" {
		in.Name = "Staff " + randomHex(2)
	}
	if in.Color == 0 {
		in.Color = 1
	}
	id, err := a.Srv.Team.Save(context.Background(), salonID, uuid.Nil, in)
	require.NoError(a.T, err)
	return id
}

// CustomerOptions describe a client; empty names get defaults. Consents to
// transactional emails and texts are given, offers are not.
type CustomerOptions struct {
	FirstName, LastName string
	Email, Phone        string
	Marketing           bool // consents to offers by email and SMS
}

// NewCustomer adds a client record to the salon, as the client form does.
func (a *Areas) NewCustomer(salonID uuid.UUID, o CustomerOptions) uuid.UUID {
	a.T.Helper()
	in := customer.RecordInput{FirstName: o.FirstName, LastName: o.LastName, Email: o.Email, Phone: o.Phone,
		EmailTransactional: true, SMSTransactional: true, EmailMarketing: o.Marketing, SMSMarketing: o.Marketing,
		PaymentMode: "default", Region: "FR", Today: a.Clock.Now(), Force: true}
	if in.FirstName == "" {
		in.FirstName = "Léa"
	}
	if in.LastName == "" {
		in.LastName = "Martin"
	}
	id, err := a.Srv.Customers.Create(context.Background(), salonID, in)
	require.NoError(a.T, err)
	return id
}

// WaitJobs waits until every background job whose arguments mention one of
// the keys (a salon id, an email address, a Stripe account) has finished:
// completed, discarded or cancelled. A job queued by another job is queued
// before the first one completes, so it is waited for too when it mentions
// a key. Tests that check that nothing happened wait here, not in a sleep.
func (a *Areas) WaitJobs(keys ...string) {
	a.T.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		pending := a.pendingJobs(keys)
		if len(pending) == 0 {
			return
		}
		if time.Now().After(deadline) {
			a.T.Fatalf("jobs still pending after 15s: %s", strings.Join(pending, ", "))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// pendingJobs lists the kinds of the unfinished jobs mentioning a key; a
// job scheduled for later (a retry's backoff included) counts once due.
func (a *Areas) pendingJobs(keys []string) []string {
	a.T.Helper()
	var kinds []string
	ctx := context.Background()
	require.NoError(a.T, a.Srv.DB.Unscoped(ctx, func(tx store.Tx) error {
		rows, err := tx.Raw().Query(ctx, `SELECT kind FROM river.river_job
			WHERE state IN ('available', 'running', 'pending', 'retryable', 'scheduled')
			  AND NOT (state IN ('scheduled', 'retryable') AND scheduled_at > now() + interval '1 minute')
			  AND EXISTS (SELECT 1 FROM unnest($1::text[]) k WHERE args::text LIKE '%' || k || '%')`, keys)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				return err
			}
			kinds = append(kinds, k)
		}
		return rows.Err()
	}))
	return kinds
}
