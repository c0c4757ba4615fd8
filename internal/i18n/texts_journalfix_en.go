package i18n

// enJournalFix: the till refused because of the register's day or closures.
var enJournalFix = map[string]string{
	"journal.period_closed":    "This till period is already closed: no ticket or credit note can be recorded in it any more.",
	"till.close.day_closed":    "The register is closed: its day has been closed. Open a new day to check out this ticket.",
	"till.close.period_closed": "The register is closed for this period: its closure is already signed. Check the server's time, then check out again.",
}
