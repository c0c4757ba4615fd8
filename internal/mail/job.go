package mail

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// SendArgs is the background job that delivers one message.
type SendArgs struct {
	Message Message `json:"message"`
}

// Kind names the job in the queue.
func (SendArgs) Kind() string { return "mail.send" }

// InsertOpts: emails go to their own queue so a slow SMTP server cannot delay other work.
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: Queue, MaxAttempts: 10}
}

// Queue is the job queue emails use.
const Queue = "email"

// SendWorker delivers queued messages; River retries failures with backoff.
type SendWorker struct {
	river.WorkerDefaults[SendArgs]
	Sender Sender
}

// Timeout bounds one delivery attempt.
func (w *SendWorker) Timeout(*river.Job[SendArgs]) time.Duration { return 45 * time.Second }

// Work sends the message.
func (w *SendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	if err := w.Sender.Send(ctx, job.Args.Message); err != nil {
		return fmt.Errorf("mail: job %d: %w", job.ID, err)
	}
	return nil
}
