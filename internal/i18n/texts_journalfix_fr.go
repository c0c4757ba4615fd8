package i18n

// frJournalFix: the till refused because of the register's day or closures.
var frJournalFix = map[string]string{
	"journal.period_closed":    "Cette période de caisse est déjà clôturée : aucun ticket ni avoir ne peut plus y être inscrit.",
	"till.close.day_closed":    "La caisse est fermée : sa journée a été clôturée. Ouvrez une nouvelle journée pour encaisser ce ticket.",
	"till.close.period_closed": "La caisse est fermée pour cette période : sa clôture est déjà signée. Vérifiez l'heure du serveur, puis encaissez à nouveau.",
}
