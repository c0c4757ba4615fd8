package urls

import "github.com/google/uuid"

// Salon is a salon's public page.
func Salon(slug string) string { return "/b/" + slug }

// PublicService is the page where a client picks a time for a service.
func PublicService(slug string, serviceID uuid.UUID) string {
	return Salon(slug) + "/s/" + serviceID.String()
}

// PublicSlots is the fragment of a day's free times.
func PublicSlots(slug string, serviceID uuid.UUID) string {
	return PublicService(slug, serviceID) + "/slots"
}

// PublicBook is the client's details form, and where it posts.
func PublicBook(slug string, serviceID uuid.UUID) string {
	return PublicService(slug, serviceID) + "/book"
}

// Manage is a client's page for one visit, reached by its token.
func Manage(slug, token string) string { return Salon(slug) + "/m/" + token }

// ManageStatus is polled while a payment is confirmed.
func ManageStatus(slug, token string) string { return Manage(slug, token) + "/status" }

// ManageCancel cancels the visit.
func ManageCancel(slug, token string) string { return Manage(slug, token) + "/cancel" }

// ManageReschedule picks another time for the visit, and is where it posts.
func ManageReschedule(slug, token string) string { return Manage(slug, token) + "/reschedule" }

// ManageRescheduleSlots is the fragment of a day's free times when moving.
func ManageRescheduleSlots(slug, token string) string {
	return ManageReschedule(slug, token) + "/slots"
}

// ManageRescheduleConfirm asks the client to confirm the new time.
func ManageRescheduleConfirm(slug, token string) string {
	return ManageReschedule(slug, token) + "/confirm"
}

// Portal is a client's account at one salon.
func Portal(slug string) string { return Salon(slug) + "/account" }

// PortalLogin is the link mailed to sign a client in.
func PortalLogin(slug, token string) string { return Portal(slug) + "/login/" + token }

// PortalLogout signs the client out.
func PortalLogout(slug string) string { return Portal(slug) + "/logout" }

// PortalVisitManage opens one of the client's visits from the account.
func PortalVisitManage(slug string, appointmentID uuid.UUID) string {
	return Portal(slug) + "/visits/" + appointmentID.String() + "/manage"
}

// PortalCardRemove forgets the client's saved card.
func PortalCardRemove(slug string) string { return Portal(slug) + "/card/remove" }

// Unsubscribe is an offer's one-click unsubscribe link (its token is signed).
func Unsubscribe(token string) string { return "/u/" + token }
