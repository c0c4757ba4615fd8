package payment

import (
	"context"
	"errors"
	"fmt"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76"
)

// ForgetCustomerArgs deletes an erased client's customer on the salon's
// Stripe account. It carries Stripe ids only, never the person's data.
type ForgetCustomerArgs struct {
	Account  string `json:"account"`
	Customer string `json:"customer"`
}

// Kind names the job.
func (ForgetCustomerArgs) Kind() string { return "stripe_forget_customer" }

// InsertOpts retries for about a day (Stripe may be down) and queues one job
// per customer.
func (ForgetCustomerArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 12, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// ForgetCustomerWorker runs the deletion.
type ForgetCustomerWorker struct {
	river.WorkerDefaults[ForgetCustomerArgs]
	Stripe *Stripe
}

// Work deletes the customer; one already gone counts as done.
func (w *ForgetCustomerWorker) Work(ctx context.Context, job *river.Job[ForgetCustomerArgs]) error {
	if w.Stripe == nil {
		return river.JobCancel(errors.New("payment: stripe is not configured"))
	}
	return w.Stripe.DeleteCustomer(ctx, job.Args.Account, job.Args.Customer)
}

// DeleteCustomer deletes a customer and its saved cards on a salon's account.
func (s *Stripe) DeleteCustomer(ctx context.Context, account, customer string) error {
	p := &stripe.CustomerParams{}
	defer params(ctx, &p.Params, account, "")()
	_, err := s.api.Customers.Del(customer, p)
	var se *stripe.Error
	if errors.As(err, &se) && se.Code == stripe.ErrorCodeResourceMissing {
		return nil
	}
	if err != nil {
		return fmt.Errorf("stripe: delete customer: %w", err)
	}
	return nil
}
