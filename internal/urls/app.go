package urls

import (
	"time"

	"github.com/google/uuid"
)

// App is the back office's home.
func App() string { return "/app" }

// Salons lists the salons a user belongs to, and switches between them.
func Salons() string { return "/app/salons" }

// SalonNew creates another salon.
func SalonNew() string { return "/app/salons/new" }

// PublicLink is the printable poster of the salon's public address.
func PublicLink() string { return "/app/public-link" }

// PublicLinkQR is the QR code image of the public address.
func PublicLinkQR() string { return "/app/public-link/qr.png" }

// Team lists members and invitations.
func Team() string { return "/app/team" }

// TeamInvitations is where an invitation is posted.
func TeamInvitations() string { return "/app/team/invitations" }

// InvitationRevoke withdraws an invitation.
func InvitationRevoke(id uuid.UUID) string {
	return "/app/team/invitations/" + id.String() + "/revoke"
}

// MemberRemove removes a user from the team.
func MemberRemove(userID uuid.UUID) string {
	return "/app/team/members/" + userID.String() + "/remove"
}

// VerifyResend mails the verification link again.
func VerifyResend() string { return "/app/verify/resend" }

// Agenda is the day view.
func Agenda() string { return "/app/agenda" }

// AgendaOn is the day view of one date.
func AgendaOn(day time.Time) string { return Agenda() + "?date=" + day.Format(time.DateOnly) }

// AgendaWeek is the week view.
func AgendaWeek() string { return "/app/agenda/week" }

// AgendaWeekOf is the week view around one date.
func AgendaWeekOf(day time.Time) string {
	return AgendaWeek() + "?date=" + day.Format(time.DateOnly)
}

// Appointments is where a new appointment is posted.
func Appointments() string { return "/app/appointments" }

// AppointmentNew is the form for a new appointment.
func AppointmentNew() string { return Appointments() + "/new" }

// Appointment is one appointment, and where its changes post.
func Appointment(id uuid.UUID) string { return Appointments() + "/" + id.String() }

// AppointmentStatus changes an appointment's status (arrived, no-show…).
func AppointmentStatus(id uuid.UUID) string { return Appointment(id) + "/status" }

// AppointmentFee charges a no-show or late-cancellation fee.
func AppointmentFee(id uuid.UUID) string { return Appointment(id) + "/fee" }

// CustomerQuick searches clients while the appointment form is typed.
func CustomerQuick() string { return "/app/customers/quick" }
