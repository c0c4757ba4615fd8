package web

import (
	"log/slog"
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/activity"
	"github.com/carnet-salon/carnet/internal/admin"
	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/clock"
	"github.com/carnet-salon/carnet/internal/config"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/farewell"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/payment"
	"github.com/carnet-salon/carnet/internal/portal"
	"github.com/carnet-salon/carnet/internal/ratelimit"
	"github.com/carnet-salon/carnet/internal/salon"
	sessionstore "github.com/carnet-salon/carnet/internal/session"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/team"
	"github.com/carnet-salon/carnet/internal/till"
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
	Activity  *activity.Feed
	Journal   *journal.Journal
	Till      *till.Till
	Farewell  *farewell.Farewell
	// Draining is set when the server is stopping: /readyz fails so the load
	// balancer stops sending, while requests are still answered.
	Draining *atomic.Bool
	// RedisFiles is the same Redis as Redis for values of megabytes (import
	// files): they need more than Redis's tight budget, and a slow one must
	// not make the breaker shut Redis out for everyone.
	RedisFiles redis.UniversalClient
	// Trace, when set, runs after the request's context is made and
	// wraps everything else (OpenTelemetry, when a collector is configured).
	Trace fiber.Handler
}

// Server holds the dependencies every handler method shares.
type Server struct {
	Deps
	cfg      config.Config
	log      *slog.Logger
	sessions *sessionstore.Store[Session, *Session]
	clients  *sessionstore.Store[clientSession, *clientSession]
	metrics  *httpMetrics
	proxies  []netip.Prefix
}

// RequestTimeout bounds every request's work, database calls included.
const RequestTimeout = 15 * time.Second

// DBBudget bounds each database unit of work of a request: pages need
// milliseconds, so a connection that stopped answering costs this, then a
// 503, not the whole request deadline. Routes declared long (an import) get
// the request's deadline instead.
const DBBudget = 5 * time.Second

// New builds the Fiber application, with the access each route declares.
func New(d Deps) (*fiber.App, Declarations) {
	s := &Server{Deps: d, cfg: d.Config, log: d.Log,
		sessions: staffSessions(d.Redis, d.Clock, d.Config), clients: clientSessions(d.Redis, d.Clock, d.Config),
		metrics: newHTTPMetrics(d.Registry), proxies: trustedProxies(d.Config.TrustedProxies)}
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
	return app, s.routes(app)
}
