package web

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/portal"
	"github.com/carnet-salon/carnet/internal/ratelimit"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
)

// Deps is everything the handlers call.
type Deps struct {
	Config    config.Config
	Log       *slog.Logger
	DB        *store.DB
	Redis     redis.UniversalClient
	Clock     clock.Clock
	Limiter   *ratelimit.Limiter
	Registry  *prometheus.Registry
	Accounts  *account.Service
	Salons    *salon.Service
	Admin     *admin.Service
	Catalog   *catalog.Catalog
	Team      *team.Team
	Agenda    *agenda.Agenda
	Customers *customer.Customers
	Payments  *payment.Payments
	Booking   *booking.Booking
	Messages  *message.Outbox
	Portal    *portal.Portal
}

// Server holds the dependencies every handler method shares.
type Server struct {
	Deps
	cfg      config.Config
	log      *slog.Logger
	sessions *Sessions
	metrics  *httpMetrics
	proxies  []netip.Prefix
}

// RequestTimeout bounds every request's work, database calls included.
const RequestTimeout = 15 * time.Second

// New builds the Fiber application.
func New(d Deps) *fiber.App {
	s := &Server{Deps: d, cfg: d.Config, log: d.Log,
		sessions: &Sessions{rdb: d.Redis, prefix: d.Config.RedisPrefix, idle: d.Config.SessionIdle},
		metrics:  newHTTPMetrics(d.Registry), proxies: trustedProxies(d.Config.TrustedProxies)}
	app := fiber.New(fiber.Config{
		AppName:               "carnet",
		DisableStartupMessage: true,
		Immutable:             true, // strings from the request stay valid after the handler returns
		ReadTimeout:           20 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           120 * time.Second,
		BodyLimit:             8 << 20,
		ErrorHandler:          s.errorHandler,
	})
	s.routes(app)
	return app
}
