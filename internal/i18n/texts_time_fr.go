package i18n

// frTime: the agenda's time rules — hours, closures, absences, the past,
// statuses that wait for the visit, and absences or closures over visits.
var frTime = map[string]string{
	"agenda.date_too_old":       "Cette date est trop ancienne : l'agenda remonte au plus un an en arrière.",
	"agenda.date_too_far":       "Cette date est trop lointaine : l'agenda va au plus un an au-delà de votre délai de réservation en ligne.",
	"agenda.salon_closed":       "Le salon est fermé ce jour-là. Pour y prendre un rendez-vous, retirez d'abord la fermeture dans Réglages.",
	"agenda.staff_absent":       "Ce collaborateur est absent ce jour-là : choisissez quelqu'un d'autre ou un autre jour.",
	"agenda.past":               "Cette date et cette heure sont déjà passées. S'il s'agit d'une visite déjà faite, cochez la case ci-dessous pour l'enregistrer.",
	"agenda.outside_hours":      "C'est en dehors des horaires du salon ou de ce collaborateur. Pour réserver quand même, cochez « En dehors des horaires » ci-dessous.",
	"agenda.outside_hours_ok":   "En dehors des horaires : réserver quand même",
	"agenda.past_ok":            "Visite déjà faite : l'enregistrer à cette heure passée",
	"agenda.started_stays_past": "Ce rendez-vous a déjà eu lieu (arrivé, terminé ou absent) : il ne peut pas être déplacé dans le futur.",
	"agenda.not_started":        "Ce rendez-vous n'a pas encore commencé : il ne peut pas encore être marqué arrivé, terminé ou absent.",
	"span.visits":               "Des rendez-vous tombent sur ces dates : choisissez d'abord quoi en faire.",
	"span.visits.absence_title": "Des rendez-vous tombent pendant l'absence de %s",
	"span.visits.closure_title": "Des rendez-vous tombent pendant cette fermeture",
	"span.visits.lead":          "Rien n'est encore enregistré. Rendez-vous concernés : %d. Déplacez-les un par un, ou annulez-les tous : chaque client reçoit un message.",
	"span.visits.with":          "avec %s",
	"span.visits.move":          "Déplacer",
	"span.visits.cancel_all":    "Enregistrer et annuler ces rendez-vous (%d) en prévenant chaque client",
	"span.visits.keep":          "Enregistrer sans annuler : je déplace les rendez-vous moi-même",
	"span.visits.keep_hint":     "Tant qu'un rendez-vous n'est pas déplacé, aucun rappel n'est envoyé au client.",
	"span.visits.back":          "Revenir sans enregistrer",
	"flash.span_cancelled":      "Enregistré. Les rendez-vous concernés sont annulés et chaque client a reçu un message.",
	"flash.span_kept":           "Enregistré. Pensez à déplacer les rendez-vous concernés : aucun rappel ne leur est envoyé d'ici là.",
}
