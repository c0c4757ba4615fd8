package web

import (
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// trustedProxies parses TRUSTED_PROXIES (already validated by config).
func trustedProxies(list []string) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range list {
		if pfx, err := netip.ParsePrefix(p); err == nil {
			out = append(out, pfx)
		} else if addr, err := netip.ParseAddr(p); err == nil {
			out = append(out, netip.PrefixFrom(addr, addr.BitLen()))
		}
	}
	return out
}

func (s *Server) trusted(addr netip.Addr) bool {
	for _, p := range s.proxies {
		if p.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}

// clientIP is the visitor's address for rate limits and the audit log. Behind
// trusted proxies it walks X-Forwarded-For from the right and takes the first
// address that is not a proxy of ours: the left-most entries are whatever the
// client chose to send, so trusting them would let anyone dodge a limit.
func (s *Server) clientIP(c *fiber.Ctx) string {
	remote, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	remote = remote.Unmap()
	if !s.trusted(remote) {
		return remote.String()
	}
	hops := strings.Split(c.Get(fiber.HeaderXForwardedFor), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		addr, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !s.trusted(addr) {
			return addr.Unmap().String()
		}
	}
	return remote.String()
}

// limitKey is the address rate limits count under. An IPv6 user usually holds
// a whole /64, so counting single addresses would let them rotate through it.
func (s *Server) limitKey(c *fiber.Ctx) string {
	addr, err := netip.ParseAddr(s.clientIP(c))
	if err != nil || addr.Is4() {
		return s.clientIP(c)
	}
	p, _ := addr.Prefix(64)
	return p.String()
}
