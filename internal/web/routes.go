package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/carnet-salon/carnet/static"
)

// routes is the one route table.
func (s *Server) routes(app *fiber.App) {
	// Pages travel compressed, at the fastest level: a busy day of the agenda
	// is ~200 KB of HTML, a lot for a phone on a salon's Wi-Fi.
	app.Use(s.begin, s.securityHeaders, compress.New(compress.Config{Level: compress.LevelBestSpeed}))

	app.Get("/healthz", s.handleHealthz)
	app.Get("/readyz", s.handleReadyz)
	app.Get("/metrics", s.handleMetrics)
	app.Use("/static", filesystem.New(filesystem.Config{Root: http.FS(static.FS), MaxAge: 365 * 24 * 3600}))

	// Stripe signs its webhooks; they carry no session and no CSRF token.
	app.Post("/webhooks/stripe", s.handleStripeWebhook)

	app.Use(s.loadSession, s.csrf, s.takeFlash)

	pub, sal := app.Group("/b"), s.publicSalon
	pub.Get("/:slug", sal, s.handlePublicSalon)
	pub.Get("/:slug/s/:service", sal, s.handlePublicService)
	pub.Get("/:slug/s/:service/slots", sal, s.handlePublicSlots)
	pub.Get("/:slug/s/:service/book", sal, s.handlePublicDetails)
	pub.Post("/:slug/s/:service/book", sal, s.handlePublicBook)
	pub.Get("/:slug/m/:token", sal, s.handleManage)
	pub.Get("/:slug/m/:token/status", sal, s.handleManageStatus)
	pub.Post("/:slug/m/:token/cancel", sal, s.handleManageCancel)
	pub.Get("/:slug/m/:token/reschedule", sal, s.handleManageReschedule)
	pub.Get("/:slug/m/:token/reschedule/slots", sal, s.handleManageRescheduleSlots)
	pub.Post("/:slug/m/:token/reschedule", sal, s.handleManageRescheduleSubmit)
	pub.Get("/:slug/account", sal, s.handlePortal)
	pub.Post("/:slug/account", sal, s.handlePortalRequestLink)
	pub.Get("/:slug/account/login/:token", sal, s.handlePortalLinkPage)
	pub.Post("/:slug/account/login/:token", sal, s.handlePortalLogin)
	pub.Post("/:slug/account/logout", sal, s.handlePortalLogout)
	pub.Post("/:slug/account/visits/:id/manage", sal, s.requireClient, s.handlePortalManage)
	pub.Post("/:slug/account/card/remove", sal, s.requireClient, s.handlePortalCardRemove)

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
	app.Get("/app/salons/new", s.handleSalonNew)
	app.Post("/app/salons/new", s.handleSalonCreate)

	// Registered after /app/salons on purpose: choosing a salon must not
	// require having one. Every other /app route runs inside a salon.
	staff := app.Group("/app", s.requireMember)
	staff.Get("/", s.handleHome)
	staff.Get("/team", s.handleTeam)
	staff.Post("/team/invitations", s.handleInvitationCreate)
	staff.Post("/team/invitations/:id/revoke", s.handleInvitationRevoke)
	staff.Post("/team/members/:id/remove", s.handleMemberRemove)

	staff.Get("/agenda", s.handleAgendaDay)
	staff.Get("/agenda/week", s.handleAgendaWeek)
	staff.Get("/appointments/new", s.handleAppointmentNew)
	staff.Post("/appointments", s.handleAppointmentCreate)
	staff.Get("/appointments/:id", s.handleAppointmentShow)
	staff.Post("/appointments/:id", s.handleAppointmentUpdate)
	staff.Post("/appointments/:id/status", s.handleAppointmentStatus)
	staff.Post("/appointments/:id/fee", s.handleAppointmentFee)
	staff.Get("/customers/quick", s.handleCustomerQuickSearch)

	// Static paths before /clients/:id, which would take them as ids.
	staff.Get("/clients", s.handleClients)
	staff.Get("/clients/new", s.handleClientNew)
	staff.Post("/clients", s.handleClientCreate)
	staff.Get("/clients/categories", s.handleCategories)
	staff.Post("/clients/categories", s.handleCategoryCreateClients)
	staff.Post("/clients/categories/:id", s.handleCategoryUpdateClients)
	staff.Post("/clients/categories/:id/delete", s.handleCategoryDeleteClients)
	staff.Get("/clients/report", s.handleClientReport)
	staff.Get("/clients/import", s.handleClientImportForm)
	staff.Post("/clients/import", s.handleClientImportUpload)
	staff.Post("/clients/import/confirm", s.handleClientImportConfirm)
	staff.Get("/clients/:id", s.handleClient)
	staff.Get("/clients/:id/edit", s.handleClientEdit)
	staff.Post("/clients/:id", s.handleClientUpdate)
	staff.Post("/clients/:id/ledger", s.handleLedgerAdd)
	staff.Get("/clients/:id/export", s.handleClientExport)
	staff.Get("/clients/:id/erase", s.handleClientEraseForm)
	staff.Post("/clients/:id/erase", s.handleClientErase)
	staff.Get("/clients/:id/merge", s.handleClientMerge)
	staff.Post("/clients/:id/merge", s.handleClientMergeSubmit)
	staff.Post("/clients/:id/portal", s.handleClientPortal)
	staff.Get("/clients/:id/sheets/new", s.handleSheetNew)
	staff.Post("/clients/:id/sheets", s.handleSheetCreate)
	staff.Post("/clients/:id/messages", s.handleClientMessage)
	staff.Get("/sheets/:id", s.handleSheetEdit)
	staff.Post("/sheets/:id", s.handleSheetUpdate)
	staff.Post("/sheets/:id/delete", s.handleSheetDelete)
	staff.Get("/sheets/:id/print", s.handleSheetPrint)

	staff.Get("/services", s.handleServices)
	staff.Get("/services/new", s.handleServiceNew)
	staff.Post("/services", s.handleServiceCreate)
	staff.Get("/services/:id", s.handleServiceEdit)
	staff.Post("/services/:id", s.handleServiceUpdate)
	staff.Post("/services/:id/archive", s.handleServiceArchive)
	staff.Post("/services/:id/move", s.handleServiceMove)
	staff.Post("/categories", s.handleCategoryCreate)
	staff.Post("/categories/:id", s.handleCategoryRename)
	staff.Post("/categories/:id/delete", s.handleCategoryDelete)
	staff.Post("/categories/:id/move", s.handleCategoryMove)
	staff.Get("/products", s.handleProducts)
	staff.Get("/products/new", s.handleProductNew)
	staff.Post("/products", s.handleProductCreate)
	staff.Get("/products/:id", s.handleProductEdit)
	staff.Post("/products/:id", s.handleProductUpdate)
	staff.Post("/products/:id/archive", s.handleProductArchive)

	staff.Get("/staff", s.handleStaffList)
	staff.Get("/staff/new", s.handleStaffNew)
	staff.Post("/staff", s.handleStaffCreate)
	staff.Get("/staff/:id", s.handleStaffEdit)
	staff.Post("/staff/:id", s.handleStaffUpdate)
	staff.Post("/staff/:id/absences", s.handleAbsenceCreate)
	staff.Post("/absences/:id/delete", s.handleAbsenceDelete)

	staff.Get("/stripe", s.handleStripe)
	staff.Post("/stripe/connect", s.handleStripeConnect)
	staff.Get("/stripe/return", s.handleStripeReturn)
	staff.Get("/stripe/refresh", s.handleStripeRefresh)

	staff.Get("/messages/templates", s.handleMessageTemplates)
	staff.Get("/messages/templates/edit", s.handleMessageTemplate)
	staff.Post("/messages/templates", s.handleMessageTemplateSave)
	staff.Post("/messages/templates/preview", s.handleMessageTemplatePreview)
	staff.Post("/messages/templates/reset", s.handleMessageTemplateReset)
	staff.Post("/messages/reminders", s.handleMessageReminders)

	staff.Get("/settings", s.handleSettings)
	staff.Post("/settings", s.handleSettingsUpdate)
	staff.Post("/settings/hours", s.handleHoursUpdate)
	staff.Post("/closures", s.handleClosureCreate)
	staff.Post("/closures/:id/delete", s.handleClosureDelete)

	adm := app.Group("/admin", noStore, s.requireAdmin)
	adm.Get("/", s.handleAdminSalons)
	adm.Get("/audit", s.handleAdminAudit)
	adm.Get("/platform", s.handleAdminPlatform)
	adm.Post("/platform", s.handleAdminPlatformUpdate)
	adm.Get("/salons/:id", s.handleAdminSalon)
	adm.Post("/salons/:id/suspend", s.handleAdminSalonSuspend)
	adm.Post("/salons/:id/reactivate", s.handleAdminSalonReactivate)
}
