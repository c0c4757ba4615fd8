package message

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
)

// Kinds of messages. The first seven have templates a salon may reword;
// a fee link is written by the booking area itself.
const (
	KindConfirmation = "confirmation"
	KindReminder     = "reminder"
	KindCancellation = "cancellation"
	KindMoved        = "moved" // a visit at a new time: "déplacé", never a second "confirmé"
	KindPortalAccess = "portal_access"
	KindPortalLogin  = "portal_login"
	KindManual       = "manual"
	KindFeeLink      = "fee_link"
)

// Kinds lists the kinds with templates, in the order the settings page shows them.
var Kinds = []string{KindConfirmation, KindMoved, KindReminder, KindCancellation, KindPortalAccess, KindPortalLogin, KindManual}

// Channels lists the channels, email first.
var Channels = []string{Email, SMS}

// Langs lists the languages a template exists in.
var Langs = []i18n.Lang{i18n.FR, i18n.EN}

// Text is a message's wording: a subject (emails only) and a body.
type Text struct {
	Subject, Body string
}

type templateKey struct {
	kind, lang, channel string
}

// Default returns Carnet's own wording of a template.
func Default(kind string, lang i18n.Lang, channel string) (Text, bool) {
	t, ok := defaults[templateKey{kind, string(lang), channel}]
	return t, ok
}

// Placeholders, named in French as salons write them.
const (
	VarFirstName = "prenom"
	VarLastName  = "nom"
	VarSalon     = "salon"
	VarDate      = "date"
	VarTime      = "heure"
	VarService   = "prestation"
	VarStaff     = "collaborateur"
	VarLink      = "lien"
	VarAddress   = "adresse"
)

// linkMarker stands where a visit's manage link goes: the link is minted only
// when the message is sent, so no working link waits in the outbox or a job.
const linkMarker = "{" + VarLink + "}"

var (
	appointmentVars = []string{VarFirstName, VarLastName, VarSalon, VarDate, VarTime, VarService, VarStaff, VarAddress, VarLink}
	portalVars      = []string{VarFirstName, VarLastName, VarSalon, VarAddress, VarLink}
	manualVars      = []string{VarFirstName, VarLastName, VarSalon, VarAddress}
)

// Placeholders returns the placeholders a kind of message may use.
func Placeholders(kind string) []string {
	switch kind {
	case KindConfirmation, KindMoved, KindReminder, KindCancellation:
		return appointmentVars
	case KindPortalAccess, KindPortalLogin:
		return portalVars
	}
	return manualVars
}

var placeholder = regexp.MustCompile(`\{([^{}\s]{0,40})\}`)

// UnknownPlaceholders lists the {names} in text that kind cannot fill, as typed.
func UnknownPlaceholders(kind, text string) []string {
	allowed := Placeholders(kind)
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(allowed, m[1]) && !slices.Contains(out, m[0]) {
			out = append(out, m[0])
		}
	}
	return out
}

// SMSLength is what a text message may hold before it is split in several.
const SMSLength = 160

// Limits on what a salon or a staff member writes.
const (
	maxSubject = 200
	maxEmail   = 5000
	maxSMS     = 640
)

// check validates a wording for a kind and channel; field names are the
// form's: subject, body.
func check(kind, channel string, t Text, f apperr.Fields) {
	if channel == Email {
		switch {
		case strings.TrimSpace(t.Subject) == "":
			f.Add("subject", "field.required")
		case utf8.RuneCountInString(t.Subject) > maxSubject:
			f.Add("subject", "message.subject_long")
		case len(UnknownPlaceholders(kind, t.Subject)) > 0:
			f.Add("subject", "message.placeholder_unknown")
		}
	}
	limit, long := maxEmail, "message.email_long"
	if channel == SMS {
		limit, long = maxSMS, "message.sms_long"
	}
	switch {
	case strings.TrimSpace(t.Body) == "":
		f.Add("body", "field.required")
	case utf8.RuneCountInString(t.Body) > limit:
		f.Add("body", long)
	case len(UnknownPlaceholders(kind, t.Body)) > 0:
		f.Add("body", "message.placeholder_unknown")
	case (kind == KindPortalAccess || kind == KindPortalLogin) && !strings.Contains(t.Body, linkMarker):
		f.Add("body", "message.link_required")
	}
}

// vars are the values a message's placeholders take.
type vars map[string]string

// render fills text's placeholders. Values cannot bring placeholders of
// their own; {lien} stays as it is when its value is the marker (filled at
// sending).
//
// A placeholder with no value (an address the salon never entered) never
// takes the salon's words with it: only the placeholder goes, with the
// punctuation that tied it to the line, so nothing dangles — "Adresse :
// {adresse}" reads "Adresse", "{salon} : rappel" reads "rappel", "Bonjour
// {prenom}," reads "Bonjour,", "({prestation})" goes whole. The preview
// names such placeholders so the salon can fill the value or reword.
func render(text string, v vars) string {
	clean := strings.NewReplacer("{", "(", "}", ")", hole, "")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		line = elide(line, v)
		line = placeholder.ReplaceAllStringFunc(line, func(m string) string {
			val := v[m[1:len(m)-1]]
			switch val {
			case "":
				return hole
			case linkMarker:
				return linkMarker
			}
			return clean.Replace(val)
		})
		lines[i] = closeHoles(line)
	}
	return tidy(strings.Join(lines, "\n"))
}

// hole stands, while a line is rendered, where a placeholder had no value.
const hole = "\x00"

var (
	holeEnclosed = regexp.MustCompile(`[ \t\x{a0}]*[(«“"][ \t\x{a0}]*\x00[ \t\x{a0}]*[)»”"]`)
	holeLeading  = regexp.MustCompile(`^([ \t\x{a0}]*)\x00[ \t\x{a0}]*[:;,–—-]?[ \t\x{a0}]*`)
	holeInside   = regexp.MustCompile(`[ \t\x{a0}]*[:;,–—-]?[ \t\x{a0}]*\x00`)
	spaceRun     = regexp.MustCompile(`([^ \t\x{a0}])[ \t]{2,}`)
)

// closeHoles takes the empty placeholders out of a line as render explains.
func closeHoles(line string) string {
	if !strings.Contains(line, hole) {
		return line
	}
	line = holeEnclosed.ReplaceAllString(line, hole)
	line = holeLeading.ReplaceAllString(line, "$1")
	line = holeInside.ReplaceAllString(line, "")
	return strings.TrimRight(spaceRun.ReplaceAllString(line, "$1 "), " \t\u00a0")
}

// missing lists the placeholders of text, as typed, that v leaves empty.
func missing(text string, v vars) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if val, known := v[m[1]]; known && val == "" && !slices.Contains(out, m[0]) {
			out = append(out, m[0])
		}
	}
	return out
}

// elide writes "d'{salon}" for "de {salon}" when the value starts with a
// vowel, so "Message de {salon}" reads "Message d'Institut Démo". Only the
// French elision words are touched, and only before a filled placeholder.
func elide(line string, v vars) string {
	for name, val := range v {
		if val == "" || val == linkMarker {
			continue
		}
		if ph := "{" + name + "}"; i18n.Elidable(val) && strings.Contains(line, ph) {
			line = i18n.ElideBefore(line, ph)
		}
	}
	return line
}

var blankRun = regexp.MustCompile(`\n{3,}`)

// tidy drops the blank lines a left-out line leaves behind.
func tidy(s string) string {
	return strings.TrimSpace(blankRun.ReplaceAllString(s, "\n\n"))
}

// fillLink puts the link where the marker is, or leaves out the lines that
// needed one when there is none (a visit booked by phone has no manage link).
// Unlike an empty placeholder, such a line goes whole: it is an offer to
// click ("Gérer mon rendez-vous : {lien}"), and without a link its words
// would promise what the client cannot do.
func fillLink(body, link string) string {
	if !strings.Contains(body, linkMarker) {
		return body
	}
	if link != "" {
		return strings.ReplaceAll(body, linkMarker, link)
	}
	lines := strings.Split(body, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.Contains(l, linkMarker) {
			out = append(out, l)
		}
	}
	return tidy(strings.Join(out, "\n"))
}

var (
	frDays   = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
	frMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
)

// day writes a visit's date the way a client reads it: "mardi 25 novembre" /
// "Tuesday 25 November". t is already in the salon's zone.
func day(lang i18n.Lang, t time.Time) string {
	if lang == i18n.EN {
		return t.Format("Monday 2 January")
	}
	return frDays[t.Weekday()] + " " + t.Format("2") + " " + frMonths[t.Month()-1]
}

// clockTime is a visit's time of day, 24-hour clock in both languages.
func clockTime(t time.Time) string { return t.Format("15:04") }

// langOf picks the first supported language among the candidates, French by default.
func langOf(candidates ...string) i18n.Lang {
	for _, c := range candidates {
		if l, ok := i18n.Parse(c); ok {
			return l
		}
	}
	return i18n.Default
}

var (
	spaceBeforeMark = regexp.MustCompile(`[ \x{a0}\x{202f}]+([:;?!])`)
	guillemetOpen   = regexp.MustCompile(`«[ \x{a0}\x{202f}]*`)
	guillemetClose  = regexp.MustCompile(`[ \x{a0}\x{202f}]*»`)
)

// englishPunctuation writes an English message the English way, whoever
// typed it (a template copied from the French one, a fact the booking adds):
// no space before : ; ? !, and “quotes” rather than « guillemets ». French
// messages are left as written, their non-breaking spaces with them.
func englishPunctuation(s string) string {
	s = spaceBeforeMark.ReplaceAllString(s, "$1")
	s = guillemetOpen.ReplaceAllString(s, "“")
	return guillemetClose.ReplaceAllString(s, "”")
}
