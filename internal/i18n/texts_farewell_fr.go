package i18n

// frFarewell: the screen after a sale is paid (seed 000, « raccompagner le
// client ») : thanks by title and name, balance, next visit in one tap.
var frFarewell = map[string]string{
	"farewell.title":            "Au revoir",
	"farewell.thanks":           "Merci et à bientôt !",
	"farewell.thanks_name":      "Merci %s !",
	"farewell.civility.female":  "Madame",
	"farewell.civility.male":    "Monsieur",
	"farewell.receipt_number":   "Ticket n° %s · %s",
	"farewell.balance.credit":   "Crédit sur son compte : %s",
	"farewell.balance.owed":     "Reste dû sur son compte : %s",
	"farewell.next.title":       "Prochain rendez-vous",
	"farewell.next.open":        "Voir dans l'agenda",
	"farewell.interval.default": "Dans %d semaines : l'intervalle habituel, faute d'au moins deux visites pour en juger.",
	"farewell.interval.service": "Tous les %d jours environ pour %s, d'après %d visites.",
	"farewell.interval.visits":  "Tous les %d jours environ, d'après %d visites.",
	"farewell.at":               "%s à %s",
	"farewell.with":             "%s avec %s",
	"farewell.book":             "Réserver %s",
	"farewell.others":           "Autres horaires",
	"farewell.none_free":        "Aucun horaire libre dans les trois semaines à partir du %s.",
	"farewell.open_agenda":      "Ouvrir l'agenda ce jour-là",
	"farewell.outside_hours":    "C'est en dehors des horaires du salon ou de ce collaborateur : choisissez un autre horaire.",
	"farewell.refused":          "Ce rendez-vous n'a pas pu être pris.",
	"farewell.receipt":          "Voir le ticket",
	"farewell.client_record":    "Fiche client",
	"farewell.back":             "Retour à la caisse",
	"farewell.not_closed":       "Ce ticket n'est pas encore clôturé.",
	"farewell.no_client":        "Ce ticket n'a pas de client : aucun rendez-vous à prendre.",
	"farewell.no_service":       "Aucune prestation sur ce ticket : aucun rendez-vous à reprendre.",
}
