package journal

// Message and ManifestMessage let the tamper test re-sign what it altered,
// as someone holding the key could: the checks that remain must still catch it.
var (
	Message         = message
	ManifestMessage = manifestMessage
)
