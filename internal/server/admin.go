package server

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// startAdmin serves Go's profiles (pprof) on their own port, never on the
// public one: a heap profile holds whatever memory held, sessions and
// clients' details included. The address is loopback unless the operator
// named another host (config.Ops.AdminAddr).
func (s *Server) startAdmin(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("server: admin port %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	// No write timeout: a CPU profile or a trace streams for its whole
	// ?seconds= duration.
	s.admin = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.adminAddr = ln.Addr().String()
	go func() {
		if err := s.admin.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.Log.Error("admin port stopped", "err", err)
		}
	}()
	s.Log.Info("pprof listening", "addr", s.adminAddr)
	return nil
}

// AdminAddr is where pprof answers; "" when ADMIN_ADDR is not set.
func (s *Server) AdminAddr() string { return s.adminAddr }
