package web

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/carnet-salon/carnet/static"
)

// routes is the one route table. Every route declares who may call it (its
// group: anyone, signed-in, staff, managers, client, admin) and, where it
// applies, its rate limit (s.limited), so reading it tells who may do what.
func (s *Server) routes(app *fiber.App) Declarations {
	t := routeGroup{r: app, access: Anyone, decl: Declarations{}}

	// Large pages travel compressed, at the fastest level: a busy day of the
	// agenda is ~200 KB of HTML, a lot for a phone on a salon's Wi-Fi.
	app.Use(s.begin, s.securityHeaders, compressLarge())
	if s.Trace != nil {
		app.Use(s.Trace)
	}

	t.Get("/healthz", s.handleHealthz)
	t.Get("/readyz", s.handleReadyz)
	t.Get("/metrics", s.handleMetrics)
	app.Use("/static", filesystem.New(filesystem.Config{Root: http.FS(static.FS), MaxAge: 365 * 24 * 3600}))

	// Stripe signs its webhooks; they carry no session and no CSRF token.
	t.Post("/webhooks/stripe", s.handleStripeWebhook)
	// The SMS gateway reports STOP replies with a shared secret.
	t.Post("/webhooks/sms", s.handleSMSInbound)
	// An offer's unsubscribe link: its signed token is its authority, and
	// mail apps POST to it in one click without a cookie (RFC 8058).
	t.Post("/u/:token", noStore, s.handleUnsubscribe)

	app.Use(s.loadSession, s.csrf, s.takeFlash)

	// kept: what a suspended salon's clients keep, their visit's page and
	// its cancellation; everything else of a suspended salon is closed.
	pub, sal, kept := t.Group("/b", Anyone), s.publicSalon, s.publicSalonKept
	client := pub.As(Client, sal, s.requireClient)
	pub.Get("/:slug", sal, s.handlePublicSalon)
	pub.Get("/:slug/s/:service", sal, s.handlePublicService)
	pub.Get("/:slug/s/:service/slots", sal, s.limitedOpen(limitSlotsIP, s.byAddress), s.handlePublicSlots)
	pub.Get("/:slug/s/:service/book", sal, s.handlePublicDetails)
	pub.Post("/:slug/s/:service/book", sal, s.handlePublicBook)
	pub.Get("/:slug/m/:token", kept, s.handleManage)
	pub.Get("/:slug/m/:token/status", kept, s.handleManageStatus)
	pub.Post("/:slug/m/:token/cancel", kept, s.handleManageCancel)
	pub.Get("/:slug/m/:token/reschedule", sal, s.handleManageReschedule)
	pub.Get("/:slug/m/:token/reschedule/slots", sal, s.handleManageRescheduleSlots)
	pub.Get("/:slug/m/:token/reschedule/confirm", sal, s.handleManageRescheduleConfirm)
	pub.Post("/:slug/m/:token/reschedule", sal, s.handleManageRescheduleSubmit)
	pub.Get("/:slug/account", sal, s.handlePortal)
	pub.Post("/:slug/account", sal, s.limited(limitPortalIP, s.byAddress), s.limited(limitPortalEmail, byPortalEmail), s.handlePortalRequestLink)
	pub.Get("/:slug/account/login/:token", sal, s.handlePortalLinkPage)
	pub.Post("/:slug/account/login/:token", sal, s.handlePortalLogin)
	pub.Post("/:slug/account/logout", sal, s.handlePortalLogout)
	client.Post("/:slug/account/visits/:id/manage", s.handlePortalManage)
	client.Post("/:slug/account/card/remove", s.handlePortalCardRemove)

	t.Get("/u/:token", noStore, s.handleUnsubscribePage)
	// A receipt's public link: its signed token is its authority.
	t.Get("/r/:token", noStore, s.limitedOpen(limitReceiptIP, s.byAddress), s.handlePublicReceipt)

	t.Get("/", s.handleLanding)
	t.Get("/signup", s.handleSignupForm)
	t.Post("/signup", s.limited(limitSignupIP, s.byAddress), s.handleSignup)
	t.Post("/signup/slug", s.limited(limitSlugCheckIP, s.byAddress), s.handleSignupSlugCheck)
	t.Get("/login", s.handleLoginForm)
	// Counted before the password is checked, so parallel guesses cannot all
	// slip under the limit while their hashes are computed.
	t.Post("/login", s.limited(limitLoginIP, s.byAddress), s.limited(limitLoginEmail, byEmail), s.handleLogin)
	t.Post("/logout", s.handleLogout)
	t.Get("/password/forgot", s.handlePasswordForgotForm)
	t.Post("/password/forgot", s.limited(limitResetIP, s.byAddress), s.handlePasswordForgot)
	t.Get("/password/reset/:token", s.handlePasswordResetForm)
	t.Post("/password/reset/:token", s.handlePasswordReset)
	t.Get("/invite/:token", s.handleInviteForm)
	t.Post("/invite/:token", s.limited(limitInviteIP, s.byAddress), s.handleInviteAccept)
	t.Get("/verify/:token", s.handleVerifyForm)
	t.Post("/verify/:token", s.limited(limitVerifyIP, s.byAddress), s.handleVerify)

	user := t.Group("/app", SignedIn, noStore, s.requireUser)
	user.Get("/salons", s.handleSalonsList)
	user.Post("/salons", s.handleSalonSwitch)
	user.Get("/salons/new", s.handleSalonNew)
	user.Post("/salons/new", s.limited(limitSignupIP, s.byAddress), s.handleSalonCreate)

	// Registered after /app/salons on purpose: choosing a salon must not
	// require having one. Every other /app route runs inside a salon.
	// Owners and managers set the salon up and handle clients' data as a
	// whole; other staff read, and are refused with the screen's own words.
	staff := t.Group("/app", Staff, s.requireMember)
	setUp := staff.As(Managers, onlyManagers("settings.forbidden"))
	clientData := staff.As(Managers, onlyManagers("clientdata.forbidden"))
	team := staff.As(Managers, onlyManagers("team.forbidden"))
	portalAccess := staff.As(Managers, onlyManagers("portal.forbidden"))
	staff.Get("/", s.handleHome)
	staff.Get("/public-link", s.handlePublicLinkPoster)
	staff.Get("/public-link/qr.png", s.handlePublicLinkQR)
	staff.Get("/team", s.handleTeam)
	team.Post("/team/invitations", s.limited(limitInviteSalon, bySalon), s.limited(limitInviteTo, byEmail), s.handleInvitationCreate)
	team.Post("/team/invitations/:id/revoke", s.handleInvitationRevoke)
	team.Post("/team/members/:id/remove", s.handleMemberRemove)
	staff.Post("/verify/resend", s.limited(limitVerifyResend, byUser), s.handleVerifyResend)

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
	setUp.Post("/clients/categories", s.handleCategoryCreateClients)
	setUp.Post("/clients/categories/:id", s.handleCategoryUpdateClients)
	setUp.Post("/clients/categories/:id/delete", s.handleCategoryDeleteClients)
	staff.Get("/clients/report", s.handleClientReport)
	clientData.Get("/clients/import", s.handleClientImportForm)
	clientData.Post("/clients/import", longWork, s.handleClientImportUpload)
	clientData.Post("/clients/import/confirm", longWork, s.handleClientImportConfirm)
	staff.Get("/clients/:id", s.handleClient)
	staff.Get("/clients/:id/edit", s.handleClientEdit)
	staff.Post("/clients/:id", s.handleClientUpdate)
	staff.Post("/clients/:id/ledger", s.handleLedgerAdd)
	clientData.Get("/clients/:id/export", s.handleClientExport)
	clientData.Get("/clients/:id/erase", s.handleClientEraseForm)
	clientData.Post("/clients/:id/erase", s.handleClientErase)
	clientData.Get("/clients/:id/merge", s.handleClientMerge)
	clientData.Post("/clients/:id/merge", s.handleClientMergeSubmit)
	portalAccess.Post("/clients/:id/portal", s.handleClientPortal)
	staff.Get("/clients/:id/sheets/new", s.handleSheetNew)
	staff.Post("/clients/:id/sheets", s.handleSheetCreate)
	staff.Post("/clients/:id/messages", s.handleClientMessage)
	staff.Get("/sheets/:id", s.handleSheetEdit)
	staff.Post("/sheets/:id", s.handleSheetUpdate)
	staff.Post("/sheets/:id/delete", s.handleSheetDelete)
	staff.Get("/sheets/:id/print", s.handleSheetPrint)

	staff.Get("/services", s.handleServices)
	staff.Get("/services/new", s.handleServiceNew)
	setUp.Post("/services", s.handleServiceCreate)
	staff.Get("/services/:id", s.handleServiceEdit)
	setUp.Post("/services/:id", s.handleServiceUpdate)
	setUp.Post("/services/:id/archive", s.handleServiceArchive)
	setUp.Post("/services/:id/move", s.handleServiceMove)
	setUp.Post("/categories", s.handleCategoryCreate)
	setUp.Post("/categories/:id", s.handleCategoryRename)
	setUp.Post("/categories/:id/delete", s.handleCategoryDelete)
	setUp.Post("/categories/:id/move", s.handleCategoryMove)
	staff.Get("/products", s.handleProducts)
	staff.Get("/products/new", s.handleProductNew)
	setUp.Post("/products", s.handleProductCreate)
	staff.Get("/products/:id", s.handleProductEdit)
	setUp.Post("/products/:id", s.handleProductUpdate)
	setUp.Post("/products/:id/archive", s.handleProductArchive)

	staff.Get("/staff", s.handleStaffList)
	staff.Get("/staff/new", s.handleStaffNew)
	setUp.Post("/staff", s.handleStaffCreate)
	staff.Get("/staff/:id", s.handleStaffEdit)
	setUp.Post("/staff/:id", s.handleStaffUpdate)
	setUp.Post("/staff/:id/absences", s.handleAbsenceCreate)
	setUp.Post("/absences/:id/delete", s.handleAbsenceDelete)

	staff.Get("/stripe", s.handleStripe)
	setUp.Post("/stripe/connect", s.handleStripeConnect)
	staff.Get("/stripe/return", s.changesState, s.handleStripeReturn)
	setUp.Get("/stripe/refresh", s.changesState, s.handleStripeRefresh)

	staff.Get("/messages/templates", s.handleMessageTemplates)
	staff.Get("/messages/templates/edit", s.handleMessageTemplate)
	setUp.Post("/messages/templates", s.handleMessageTemplateSave)
	setUp.Post("/messages/templates/preview", s.handleMessageTemplatePreview)
	setUp.Post("/messages/templates/reset", s.handleMessageTemplateReset)
	setUp.Post("/messages/reminders", s.handleMessageReminders)

	staff.Get("/settings", s.handleSettings)
	setUp.Post("/settings", s.handleSettingsUpdate)
	setUp.Post("/settings/hours", s.handleHoursUpdate)
	setUp.Get("/settings/notifications", s.handleNotifications)
	setUp.Post("/settings/notifications", s.handleNotificationsUpdate)
	// The till: every member sells; owners and managers set registers up.
	tillSetUp := staff.As(Managers, onlyManagers("till.forbidden"))
	staff.Get("/till", s.handleTill)
	tillSetUp.Get("/till/settings", s.handleTillSettings)
	tillSetUp.Get("/till/takings", s.handleTakings)
	tillSetUp.Post("/till/settings", s.handleTillSettingsSave)
	tillSetUp.Post("/till/registers", s.handleRegisterCreate)
	tillSetUp.Post("/till/registers/:id", s.handleRegisterRename)
	staff.Post("/till/registers/:id/open", s.handleDayOpen)
	staff.Post("/till/registers/:id/close", s.handleDayClose)
	staff.Post("/till/tickets", s.handleTicketCreate)
	staff.Post("/till/visits/:id", s.handleTicketFromVisit)
	staff.Get("/till/tickets/:id", s.handleTicket)
	staff.Post("/till/tickets/:id/lines", s.handleTicketLineAdd)
	staff.Post("/till/tickets/:id/lines/:line/remove", s.handleTicketLineRemove)
	staff.Post("/till/tickets/:id/lines/:line/discount", s.handleTicketLineDiscount)
	staff.Post("/till/tickets/:id/discount", s.handleTicketDiscount)
	staff.Post("/till/tickets/:id/client", s.handleTicketCustomer)
	staff.Get("/till/cheque-words", s.handleChequeWords)
	staff.Post("/till/tickets/:id/payments", s.handleTicketPayment)
	staff.Post("/till/tickets/:id/payments/:payment/remove", s.handleTicketPaymentRemove)
	staff.Post("/till/tickets/:id/phone", s.handleTicketPhoneLink)
	staff.Get("/till/tickets/:id/phone", s.handleTicketPhone)
	staff.Post("/till/tickets/:id/close", s.handleTicketClose)
	staff.Get("/till/tickets/:id/farewell", s.handleFarewell)
	staff.Post("/till/tickets/:id/farewell/next", s.handleFarewellNext)
	staff.Post("/till/tickets/:id/delete", s.handleTicketDelete)
	staff.Get("/till/receipts/:id", s.handleReceipt)
	staff.Post("/till/receipts/:id/credit", s.handleCreditNote)
	staff.Post("/till/receipts/:id/print", s.limited(limitReceiptSend, bySalon), s.handleReceiptPrint)
	staff.Post("/till/receipts/:id/send/:channel", s.limited(limitReceiptSend, bySalon), s.limited(limitReceiptTo, byReceipt), s.handleReceiptSend)
	setUp.Post("/closures", s.handleClosureCreate)
	setUp.Post("/closures/:id/delete", s.handleClosureDelete)

	// The till's signed journal: closing a day and exporting archives are
	// the owners' and managers' (art. 286 CGI: they answer for the till).
	setUp.Get("/till/journal", s.handleJournal)
	setUp.Post("/till/journal/archive", s.handleJournalArchive)
	setUp.Post("/till/journal/:register/close", s.handleJournalClose)
	setUp.Post("/till/journal/:register/archive", s.handleJournalArchive)

	// Before /admin: these pages are how an admin gets past requireAdmin.
	tf := t.Group("/admin/2fa", AdminSignIn, noStore, s.requireAdminPassword)
	tf.Get("/", s.handleTwoFactorForm)
	tf.Post("/", s.limited(limitTwoFactor, byUser), s.handleTwoFactor)
	tf.Get("/setup", s.handleTwoFactorSetup)
	tf.Post("/setup", s.limited(limitTwoFactor, byUser), s.handleTwoFactorEnrol)

	adm := t.Group("/admin", Admin, noStore, s.requireAdmin)
	adm.Get("/", s.handleAdminSalons)
	adm.Get("/audit", s.handleAdminAudit)
	adm.Get("/business", s.handleAdminBusiness)
	adm.Get("/platform", s.handleAdminPlatform)
	adm.Post("/platform", s.handleAdminPlatformUpdate)
	adm.Get("/salons/:id", s.handleAdminSalon)
	adm.Post("/salons/:id/suspend", s.handleAdminSalonSuspend)
	adm.Post("/salons/:id/reactivate", s.handleAdminSalonReactivate)
	adm.Post("/salons/:id/view-as", s.handleAdminViewAs)
	adm.Post("/view-as/end", s.handleAdminViewAsEnd)
	return t.decl
}
