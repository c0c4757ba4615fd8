package i18n

var frEvents = map[string]string{
	// Emails to the owner and managers about the salon's online bookings:
	// client, services, date and time, staff member.
	"events.subject.booked":            "Nouvelle réservation : %s, %s",
	"events.subject.cancelled":         "Rendez-vous annulé : %s, %s",
	"events.subject.moved":             "Rendez-vous déplacé : %s, %s",
	"events.subject.payment_failed":    "Paiement refusé : %s, %s",
	"events.subject.refunded":          "Remboursement effectué : %s, %s",
	"events.line.booked":               "%s a réservé en ligne %s le %s avec %s.",
	"events.line.cancelled":            "Le rendez-vous de %s (%s, le %s avec %s) a été annulé par le salon.",
	"events.line.cancelled_by_client":  "%s a annulé son rendez-vous (%s, le %s avec %s).",
	"events.line.moved":                "%s a déplacé son rendez-vous (%s) au %s avec %s.",
	"events.line.payment_failed":       "Le paiement de %s pour son rendez-vous (%s, le %s avec %s) a été refusé.",
	"events.line.refunded":             "Remboursement fait à %s pour son rendez-vous (%s, le %s avec %s).",
	"events.email.amount":              "Montant : %s",
	"events.email.action":              "Voir le rendez-vous",
	"events.email.footer":              "Vous recevez cet e-mail en tant que responsable de %s. Choisir les e-mails que vous recevez :",
	"events.feed.title":                "Dernières nouvelles",
	"events.feed.empty":                "Rien de neuf pour le moment : les réservations, annulations et paiements en ligne s'afficheront ici.",
	"events.feed.settings":             "E-mails de notification",
	"events.feed.open":                 "Voir le rendez-vous",
	"events.prefs.title":               "E-mails de notification",
	"events.prefs.lead.owner":          "Ce que les propriétaires du salon reçoivent par e-mail. Chaque responsable choisit les siens sur cette même page.",
	"events.prefs.lead.manager":        "Ce que vous recevez par e-mail. Les propriétaires choisissent les leurs de leur côté.",
	"events.prefs.staff":               "Seuls les propriétaires et les responsables reçoivent ces e-mails.",
	"events.prefs.kind.booked":         "Une cliente réserve en ligne",
	"events.prefs.kind.cancelled":      "Un rendez-vous pris en ligne est annulé (par la cliente ou par le salon)",
	"events.prefs.kind.moved":          "Une cliente déplace son rendez-vous",
	"events.prefs.kind.payment_failed": "Un paiement est refusé",
	"events.prefs.kind.refunded":       "Un remboursement est effectué",
	"events.prefs.save":                "Enregistrer",
	"flash.notifications_saved":        "Vos choix de notification sont enregistrés.",
	"events.prefs.back":                "Retour aux réglages",

	// The client whose payment came too late for their visit.
	"lost.subject":                  "Votre paiement vous est remboursé · %s",
	"lost.why.slot_taken":           "Votre paiement pour %s le %s nous est parvenu après la fin du délai de réservation, et ce créneau a été réservé par une autre personne entre-temps. Votre rendez-vous n'est donc pas confirmé.",
	"lost.why.cancelled":            "Votre paiement pour %s le %s nous est parvenu alors que ce rendez-vous venait d'être annulé par le salon. Il n'est donc pas confirmé.",
	"lost.refund":                   "Nous vous remboursons la totalité, soit %s, sur la carte utilisée : comptez 5 à 10 jours selon votre banque.",
	"lost.nothing_charged":          "Aucun montant n'a été débité.",
	"lost.again":                    "Choisir un autre horaire",
	"lost.sms.refund":               "Remboursement de %s en cours.",
	"lost.sms.slot_taken":           "%s : votre paiement pour le %s est arrivé après la fin du délai et le créneau a été pris entre-temps. %s Choisir un autre horaire : %s",
	"lost.sms.cancelled":            "%s : votre paiement pour le %s est arrivé après l'annulation du rendez-vous. %s Choisir un autre horaire : %s",
	"message.kind.payment_returned": "Paiement remboursé",

	// What a booking's online payment did, beside the payment in the agenda.
	"payment.outcome.confirmed":              "A confirmé la réservation.",
	"payment.outcome.confirmed_after_expiry": "Arrivé après la fin du délai ; le créneau était encore libre : la réservation est confirmée.",
	"payment.outcome.refunded_slot_taken":    "Arrivé après la fin du délai ; le créneau avait été pris entre-temps : remboursé, et la cliente prévenue.",
	"payment.outcome.refunded_cancelled":     "Arrivé après l'annulation du rendez-vous : remboursé, et la cliente prévenue.",
}
