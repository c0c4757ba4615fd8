package urls

import "github.com/google/uuid"

// TillJournal is the till's signed journal: key, closures, archives.
func TillJournal() string { return "/app/till/journal" }

// TillJournalClose runs a register's day closure (Z) by hand.
func TillJournalClose(register uuid.UUID) string {
	return "/app/till/journal/" + register.String() + "/close"
}

// TillJournalArchive exports one register's journal for a period.
func TillJournalArchive(register uuid.UUID) string {
	return "/app/till/journal/" + register.String() + "/archive"
}

// TillJournalArchiveAll exports every register's journal for a period.
func TillJournalArchiveAll() string { return "/app/till/journal/archive" }
