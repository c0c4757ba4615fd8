package web_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/internal/web"
)

// builtURLs calls every builder of package urls once; the test below checks
// that this list names them all.
func builtURLs() map[string]string {
	id, slug, tok := uuid.New(), "salon-x", "tok3n"
	day := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	return map[string]string{
		"TillJournal": urls.TillJournal(), "TillJournalClose": urls.TillJournalClose(id),
		"TillJournalArchive": urls.TillJournalArchive(id), "TillJournalArchiveAll": urls.TillJournalArchiveAll(),
		"Salon": urls.Salon(slug), "PublicService": urls.PublicService(slug, id),
		"PublicSlots": urls.PublicSlots(slug, id), "PublicBook": urls.PublicBook(slug, id),
		"Manage": urls.Manage(slug, tok), "ManageStatus": urls.ManageStatus(slug, tok),
		"ManageCancel": urls.ManageCancel(slug, tok), "ManageReschedule": urls.ManageReschedule(slug, tok),
		"ManageRescheduleSlots":   urls.ManageRescheduleSlots(slug, tok),
		"ManageRescheduleConfirm": urls.ManageRescheduleConfirm(slug, tok),
		"Portal":                  urls.Portal(slug), "PortalLogin": urls.PortalLogin(slug, tok),
		"PortalLogout": urls.PortalLogout(slug), "PortalVisitManage": urls.PortalVisitManage(slug, id),
		"PortalCardRemove": urls.PortalCardRemove(slug), "Unsubscribe": urls.Unsubscribe(tok),

		"Landing": urls.Landing(), "Signup": urls.Signup(), "SignupSlug": urls.SignupSlug(),
		"Login": urls.Login(), "Logout": urls.Logout(), "PasswordForgot": urls.PasswordForgot(),
		"PasswordReset": urls.PasswordReset(tok), "Invite": urls.Invite(tok), "Verify": urls.Verify(tok),

		"Admin": urls.Admin(), "AdminAudit": urls.AdminAudit(), "AdminBusiness": urls.AdminBusiness(),
		"AdminPlatform": urls.AdminPlatform(), "AdminSalon": urls.AdminSalon(id),
		"AdminSalonSuspend": urls.AdminSalonSuspend(id), "AdminSalonReactivate": urls.AdminSalonReactivate(id),
		"AdminViewAs": urls.AdminViewAs(id), "AdminViewAsEnd": urls.AdminViewAsEnd(),
		"TwoFactor": urls.TwoFactor(), "TwoFactorSetup": urls.TwoFactorSetup(),

		"App": urls.App(), "Salons": urls.Salons(), "SalonNew": urls.SalonNew(),
		"PublicLink": urls.PublicLink(), "PublicLinkQR": urls.PublicLinkQR(), "Team": urls.Team(),
		"TeamInvitations": urls.TeamInvitations(), "InvitationRevoke": urls.InvitationRevoke(id),
		"MemberRemove": urls.MemberRemove(id), "VerifyResend": urls.VerifyResend(),
		"Agenda": urls.Agenda(), "AgendaOn": urls.AgendaOn(day), "AgendaWeek": urls.AgendaWeek(),
		"AgendaWeekOf": urls.AgendaWeekOf(day), "Appointments": urls.Appointments(),
		"AppointmentNew": urls.AppointmentNew(), "Appointment": urls.Appointment(id),
		"AppointmentStatus": urls.AppointmentStatus(id), "AppointmentFee": urls.AppointmentFee(id),
		"CustomerQuick": urls.CustomerQuick(),

		"Clients": urls.Clients(), "ClientNew": urls.ClientNew(), "ClientCategories": urls.ClientCategories(),
		"ClientCategory": urls.ClientCategory(id), "ClientCategoryDelete": urls.ClientCategoryDelete(id),
		"ClientReport": urls.ClientReport(), "ClientImport": urls.ClientImport(),
		"ClientImportConfirm": urls.ClientImportConfirm(), "Client": urls.Client(id),
		"ClientEdit": urls.ClientEdit(id), "ClientLedger": urls.ClientLedger(id),
		"ClientExport": urls.ClientExport(id), "ClientErase": urls.ClientErase(id),
		"ClientMerge": urls.ClientMerge(id), "ClientPortal": urls.ClientPortal(id),
		"ClientSheets": urls.ClientSheets(id), "ClientSheetNew": urls.ClientSheetNew(id),
		"ClientMessages": urls.ClientMessages(id), "Sheet": urls.Sheet(id),
		"SheetDelete": urls.SheetDelete(id), "SheetPrint": urls.SheetPrint(id),

		"Services": urls.Services(), "ServiceNew": urls.ServiceNew(), "Service": urls.Service(id),
		"ServiceArchive": urls.ServiceArchive(id), "ServiceMove": urls.ServiceMove(id),
		"Categories": urls.Categories(), "Category": urls.Category(id),
		"CategoryDelete": urls.CategoryDelete(id), "CategoryMove": urls.CategoryMove(id),
		"Products": urls.Products(), "ProductNew": urls.ProductNew(), "Product": urls.Product(id),
		"ProductArchive": urls.ProductArchive(id), "Staff": urls.Staff(), "StaffNew": urls.StaffNew(),
		"StaffMember": urls.StaffMember(id), "StaffAbsences": urls.StaffAbsences(id),
		"AbsenceDelete": urls.AbsenceDelete(id), "Stripe": urls.Stripe(),
		"StripeConnect": urls.StripeConnect(), "StripeReturn": urls.StripeReturn(),
		"StripeRefresh": urls.StripeRefresh(), "MessageTemplates": urls.MessageTemplates(),
		"MessageTemplateEdit": urls.MessageTemplateEdit(), "MessageTemplatePreview": urls.MessageTemplatePreview(),
		"MessageTemplateReset": urls.MessageTemplateReset(), "MessageReminders": urls.MessageReminders(),
		"Settings": urls.Settings(), "SettingsHours": urls.SettingsHours(),
		"Notifications": urls.Notifications(), "Closures": urls.Closures(),
		"ClosureDelete": urls.ClosureDelete(id),

		"Till": urls.Till(), "TillSettings": urls.TillSettings(), "TillRegisters": urls.TillRegisters(),
		"TillRegister": urls.TillRegister(id), "TillDayOpen": urls.TillDayOpen(id), "TillDayClose": urls.TillDayClose(id),
		"TillTickets": urls.TillTickets(), "TillVisit": urls.TillVisit(id), "TillTicket": urls.TillTicket(id),
		"TillTicketLines": urls.TillTicketLines(id), "TillTicketLineRemove": urls.TillTicketLineRemove(id, id),
		"TillTicketLineDiscount": urls.TillTicketLineDiscount(id, id), "TillTicketDiscount": urls.TillTicketDiscount(id),
		"TillTicketCustomer": urls.TillTicketCustomer(id), "TillTicketPayments": urls.TillTicketPayments(id),
		"TillTicketPaymentRemove": urls.TillTicketPaymentRemove(id, id), "TillTicketClose": urls.TillTicketClose(id),
		"TillTicketDelete": urls.TillTicketDelete(id), "TillReceipt": urls.TillReceipt(id),
		"TillCreditNote": urls.TillCreditNote(id), "TillFarewell": urls.TillFarewell(id), "TillFarewellNext": urls.TillFarewellNext(id),
		"TillTicketPhone":  urls.TillTicketPhone(id),
		"TillReceiptPrint": urls.TillReceiptPrint(id), "TillReceiptSend": urls.TillReceiptSend(id, "email"),
		"PublicReceipt": urls.PublicReceipt("token"),
		"TillTakings":   urls.TillTakings(), "TillTakingsOn": urls.TillTakingsOn(time.Now(), id),
		"TillChequeWords": urls.TillChequeWords(),
	}
}

// The route table and the URL builder cannot drift apart: every path the
// builder makes is answered by a route of the table (not by a middleware's
// prefix), and every builder is in the list above.
func TestEveryBuiltURLHasARoute(t *testing.T) {
	t.Parallel()
	app, _ := web.New(web.Deps{Log: slog.Default(), Registry: prometheus.NewRegistry()})
	var routes []*regexp.Regexp
	for _, r := range app.GetRoutes(true) {
		if r.Method != "GET" && r.Method != "POST" {
			continue
		}
		routes = append(routes, routePattern(r.Path))
	}

	built := builtURLs()
	for name, u := range built {
		path := strings.SplitN(u, "?", 2)[0]
		require.Truef(t, matchesAny(routes, path), "urls.%s builds %q, which no route answers", name, u)
	}
	require.False(t, matchesAny(routes, "/app/nowhere/"+uuid.NewString()), "the matcher accepts anything")

	missing := []string{}
	for _, name := range exportedFuncs(t, "../urls") {
		if _, ok := built[name]; !ok {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	require.Emptyf(t, missing, "builders not checked against the route table: add them to builtURLs")
}

// routePattern turns a Fiber path ("/b/:slug/s/:service") into a regexp of
// the paths it answers; Fiber matches with or without a trailing slash.
func routePattern(p string) *regexp.Regexp {
	var b strings.Builder
	for _, seg := range strings.Split(strings.TrimSuffix(p, "/"), "/")[1:] {
		b.WriteString("/")
		switch {
		case strings.HasPrefix(seg, ":"):
			b.WriteString("[^/]+")
		case seg == "*":
			b.WriteString(".*")
		default:
			b.WriteString(regexp.QuoteMeta(seg))
		}
	}
	return regexp.MustCompile("^" + b.String() + "/?$")
}

func matchesAny(routes []*regexp.Regexp, path string) bool {
	for _, r := range routes {
		if r.MatchString(path) {
			return true
		}
	}
	return false
}

func exportedFuncs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var names []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.IsExported() {
				names = append(names, fn.Name.Name)
			}
		}
	}
	require.NotEmpty(t, names)
	return names
}
