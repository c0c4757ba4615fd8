package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/carnet-salon/carnet/static"
)

// routes is the one route table.
func (s *Server) routes(app *fiber.App) {
	app.Use(s.begin, s.securityHeaders)

	app.Get("/healthz", s.handleHealthz)
	app.Get("/readyz", s.handleReadyz)
	app.Get("/metrics", s.handleMetrics)
	app.Use("/static", filesystem.New(filesystem.Config{Root: http.FS(static.FS), MaxAge: 365 * 24 * 3600}))

	app.Use(s.loadSession, s.csrf, s.takeFlash)

	app.Get("/", s.handleLanding)
	app.Get("/signup", s.handleSignupForm)
	app.Post("/signup", s.handleSignup)
	app.Post("/signup/slug", s.handleSignupSlugCheck)
	app.Get("/login", s.handleLoginForm)
	app.Post("/login", s.handleLogin)
	app.Post("/logout", s.handleLogout)
	app.Get("/password/forgot", s.handlePasswordForgotForm)
	app.Post("/password/forgot", s.handlePasswordForgot)
	app.Get("/password/reset/:token", s.handlePasswordResetForm)
	app.Post("/password/reset/:token", s.handlePasswordReset)
	app.Get("/invite/:token", s.handleInviteForm)
	app.Post("/invite/:token", s.handleInviteAccept)

	app.Use("/app", noStore, s.requireUser)
	app.Get("/app/salons", s.handleSalonsList)
	app.Post("/app/salons", s.handleSalonSwitch)

	// Registered after /app/salons on purpose: choosing a salon must not
	// require having one. Every other /app route runs inside a salon.
	staff := app.Group("/app", s.requireMember)
	staff.Get("/", s.handleHome)
	staff.Get("/team", s.handleTeam)
	staff.Post("/team/invitations", s.handleInvitationCreate)
	staff.Post("/team/invitations/:id/revoke", s.handleInvitationRevoke)
	staff.Post("/team/members/:id/remove", s.handleMemberRemove)

	adm := app.Group("/admin", noStore, s.requireAdmin)
	adm.Get("/", s.handleAdminSalons)
	adm.Get("/audit", s.handleAdminAudit)
	adm.Get("/salons/:id", s.handleAdminSalon)
	adm.Post("/salons/:id/suspend", s.handleAdminSalonSuspend)
	adm.Post("/salons/:id/reactivate", s.handleAdminSalonReactivate)
}
