package main

import (
	"log/slog"
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the heap size past which Go's collector works
// harder, unless GOMEMLIMIT says otherwise. Carnet's live heap is small
// (25 MB at 1,000 salons, the public offers included) but a burst of
// sign-ins allocates 19 MiB per password hash: left to GOGC alone, the heap
// then grew to twice its peak and the process to 210 MB under load (the
// binary's own pages are another 37 MB). With this soft limit the same
// load, 1,000 sign-ins included, peaks at 133 MB, for no CPU per request
// measurable; it is not a cap, and a larger live heap collects more often.
const defaultMemoryLimit = 80 << 20

func limitMemory(log *slog.Logger) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return // the runtime read it at start
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
	log.Debug("memory limit", "bytes", defaultMemoryLimit)
}
