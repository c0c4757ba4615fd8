package journal

import "context"

// Message and ManifestMessage let the tamper test re-sign what it altered,
// as someone holding the key could: the checks that remain must still catch it.
var (
	Message         = message
	ManifestMessage = manifestMessage
)

// CloseDueCounting is CloseDue that also says how many registers the sweep
// read: a register with nothing due must cost it nothing.
func CloseDueCounting(ctx context.Context, j *Journal) (read, made int, err error) {
	return j.closeDue(ctx)
}
