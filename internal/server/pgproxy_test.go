package server_test

import (
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// pgProxy stands in front of the shared Postgres (which nobody may stop) and
// plays its outages: down as during a restart (connections closed, new ones
// dropped at once), or unreachable (connections accepted, nothing answered
// on them, old or new), then up again.
type pgProxy struct {
	ln     net.Listener
	to     string
	mu     sync.Mutex
	state  string
	thawed chan struct{} // closed when an unreachable spell ends
	conns  []net.Conn
}

const (
	pgUp          = "up"
	pgDown        = "down"
	pgUnreachable = "unreachable"
)

func newPGProxy(t *testing.T) *pgProxy {
	t.Helper()
	u, err := url.Parse(testkit.DatabaseURL())
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &pgProxy{ln: ln, to: u.Host, state: pgUp}
	t.Cleanup(func() { _ = ln.Close(); p.set(pgDown) })
	go p.serve()
	return p
}

// url is dbURL through the proxy.
func (p *pgProxy) url(dbURL string) string {
	u, _ := url.Parse(dbURL)
	u.Host = p.ln.Addr().String()
	return u.String()
}

// set changes the state. Going down, or coming out of an unreachable
// spell, closes every connection: Postgres restarted, or gave up on them.
func (p *pgProxy) set(state string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state == pgUnreachable {
		close(p.thawed)
	}
	if state == pgUnreachable {
		p.thawed = make(chan struct{})
	}
	if state == pgDown || p.state == pgUnreachable {
		for _, c := range p.conns {
			_ = c.Close()
		}
		p.conns = nil
	}
	p.state = state
}

func (p *pgProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.handle(c)
	}
}

func (p *pgProxy) handle(c net.Conn) {
	p.mu.Lock()
	state := p.state
	if state != pgDown {
		p.conns = append(p.conns, c)
	}
	p.mu.Unlock()
	switch state {
	case pgDown:
		_ = c.Close()
		return
	case pgUnreachable:
		return // held open, never answered
	}
	up, err := net.Dial("tcp", p.to)
	if err != nil {
		_ = c.Close()
		return
	}
	p.mu.Lock()
	p.conns = append(p.conns, up)
	p.mu.Unlock()
	go p.pipe(up, c)
	p.pipe(c, up)
}

// pipe copies src to dst, holding back whatever arrives while Postgres is
// unreachable.
func (p *pgProxy) pipe(dst, src net.Conn) {
	defer dst.Close()
	defer src.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			p.mu.Lock()
			state, thawed := p.state, p.thawed
			p.mu.Unlock()
			if state == pgUnreachable {
				<-thawed
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
