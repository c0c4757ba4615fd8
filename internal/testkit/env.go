package testkit

import (
	"bytes"
	"context"
	"net"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// Env is a running Carnet for one test: the assembled areas plus a real
// listener, for tests about HTTP (pages, forms, status codes, cookies).
type Env struct {
	*Areas
	URL    string
	stop   context.CancelFunc
	served chan error
}

// EnvOptions adjust an environment.
type EnvOptions struct {
	NoWorkers bool                        // do not run background jobs
	Stripe    bool                        // talk to stripe-mock, recording every call
	Config    func(env map[string]string) // change settings before loading them
}

// JournalKey is the till journal's signing key (an Ed25519 seed, base64)
// every test server uses.
const JournalKey = "Y2FybmV0IHRlc3Qgam91cm5hbCBrZXksIG5vdCBzZWM="

// NewEnv starts Carnet for the test and stops it when the test ends.
func NewEnv(t testing.TB, opts ...EnvOptions) *Env {
	t.Helper()
	var o EnvOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	a := assemble(t, AreasOptions{Workers: !o.NoWorkers, Stripe: o.Stripe, Config: o.Config},
		map[string]string{"PORT": port, "BASE_URL": "http://127.0.0.1:" + port})
	served := make(chan error, 1)
	serveCtx, stop := context.WithCancel(context.Background())
	go func() { served <- a.Srv.Serve(serveCtx, ln); close(served) }()
	t.Cleanup(func() {
		stop()
		<-served
	})
	return &Env{Areas: a, URL: "http://" + ln.Addr().String(), stop: stop, served: served}
}

// Shutdown starts stopping the server, as SIGTERM does; the channel gets
// what Serve returned once it has.
func (e *Env) Shutdown() <-chan error {
	e.stop()
	return e.served
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
