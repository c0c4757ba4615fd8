package booking

import (
	"strconv"
	"strings"
	"time"
)

// Event is one appointment as a calendar file (RFC 5545). The same visit
// always has the same UID; Sequence grows with each change sent (moved,
// cancelled), so a phone's calendar replaces the event it holds instead of
// keeping the old one (RFC 5546).
type Event struct {
	UID, Summary, Location, Description, URL string
	Start, End, Stamp                        time.Time
	Sequence                                 int
	Cancelled                                bool
	// OrganizerName and OrganizerEmail: the salon, writing from the address
	// its emails come from. RFC 5546 requires an organiser in every method.
	OrganizerName, OrganizerEmail string
	Attendee                      string // the client's email
}

// ICS writes the event as an iCalendar file a phone's calendar opens.
func ICS(e Event) []byte {
	utc := func(t time.Time) string { return t.UTC().Format("20060102T150405Z") }
	status, method := "CONFIRMED", "PUBLISH"
	if e.Cancelled {
		status, method = "CANCELLED", "CANCEL"
	}
	lines := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Carnet//Carnet//FR", "CALSCALE:GREGORIAN", "METHOD:" + method,
		"BEGIN:VEVENT", "UID:" + e.UID, "SEQUENCE:" + strconv.Itoa(e.Sequence), "DTSTAMP:" + utc(e.Stamp),
		"DTSTART:" + utc(e.Start), "DTEND:" + utc(e.End), "SUMMARY:" + icsText(e.Summary), "STATUS:" + status}
	if e.OrganizerEmail != "" {
		lines = append(lines, "ORGANIZER;CN="+paramText(e.OrganizerName)+":mailto:"+e.OrganizerEmail)
	}
	if e.Attendee != "" {
		lines = append(lines, "ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:"+e.Attendee)
	}
	if e.Location != "" {
		lines = append(lines, "LOCATION:"+icsText(e.Location))
	}
	if e.Description != "" {
		lines = append(lines, "DESCRIPTION:"+icsText(e.Description))
	}
	if e.URL != "" {
		lines = append(lines, "URL:"+e.URL)
	}
	lines = append(lines, "END:VEVENT", "END:VCALENDAR")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(fold(l))
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// icsText escapes what RFC 5545 reserves in text values.
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`).Replace(s)
}

// paramText quotes a parameter value (RFC 5545, 3.2): a name may hold
// commas, colons or semicolons; a double quote cannot appear at all.
func paramText(s string) string {
	return `"` + strings.NewReplacer(`"`, "'", "\r", " ", "\n", " ").Replace(s) + `"`
}

// fold breaks lines longer than 75 octets, never inside a UTF-8 character.
func fold(l string) string {
	if len(l) <= 75 {
		return l
	}
	var b strings.Builder
	n := 0
	for _, r := range l {
		size := len(string(r))
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	return b.String()
}
