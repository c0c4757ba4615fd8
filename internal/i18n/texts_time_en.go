package i18n

// enTime: the agenda's time rules (see texts_time_fr.go).
var enTime = map[string]string{
	"agenda.date_too_old":       "This date is too far back: the agenda goes back one year at most.",
	"agenda.date_too_far":       "This date is too far ahead: the agenda goes one year past your online booking horizon at most.",
	"agenda.salon_closed":       "The salon is closed that day. To book then, remove the closure in Settings first.",
	"agenda.staff_absent":       "This staff member is away that day: choose someone else or another day.",
	"agenda.past":               "This time has already passed. If the visit already took place, tick the box below to record it.",
	"agenda.outside_hours":      "This is outside the salon's or this staff member's hours. To book anyway, tick “Outside hours” below.",
	"agenda.outside_hours_ok":   "Outside hours: book anyway",
	"agenda.past_ok":            "Visit already done: record it at this past time",
	"agenda.started_stays_past": "This visit has already taken place (arrived, done or no-show): it cannot be moved into the future.",
	"agenda.not_started":        "This visit has not started yet: it cannot be marked arrived, done or no-show yet.",
	"span.visits":               "Visits fall on these dates: choose what to do with them first.",
	"span.visits.absence_title": "Visits fall during %s's absence",
	"span.visits.closure_title": "Visits fall during this closure",
	"span.visits.lead":          "Nothing is saved yet. Visits concerned: %d. Move them one by one, or cancel them all: each client gets a message.",
	"span.visits.with":          "with %s",
	"span.visits.move":          "Move",
	"span.visits.cancel_all":    "Save and cancel these visits (%d), telling each client",
	"span.visits.keep":          "Save without cancelling: I will move the visits myself",
	"span.visits.keep_hint":     "Until a visit is moved, its client gets no reminder.",
	"span.visits.back":          "Go back without saving",
	"flash.span_cancelled":      "Saved. The visits concerned are cancelled and each client got a message.",
	"flash.span_kept":           "Saved. Remember to move the visits concerned: they get no reminder until then.",
}
