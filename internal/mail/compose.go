package mail

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/carnet-salon/carnet/internal/i18n"
)

// Content is the parts of a standard Carnet email: a greeting, a few lines,
// an optional call to action, a footer.
type Content struct {
	Subject  string
	Greeting string
	Lines    []string
	// Steps, when set, follow the lines as a numbered list of links.
	Steps  []Step
	Action string
	Link   string
	Footer string
	// FooterLink, when set, follows the footer: the client portal of the
	// salon that writes, in every email to its clients.
	FooterLink string
	// Salon, when set, is who writes to its client: the email carries its
	// name, answers go to it, and it closes with how to reach it. Nil for
	// the platform's own emails (accounts, invitations), signed "Carnet".
	Salon *Salon
	// Unsubscribe, on an offer, withdraws the client's consent in one tap:
	// a link in the footer and the List-Unsubscribe headers (RFC 8058).
	Unsubscribe string
	// Paragraphs, when set, are the email as written, in order, in place of
	// Greeting, Lines and Link: the HTML part then breaks lines and puts
	// links exactly where the text part does.
	Paragraphs []Paragraph
}

// Paragraph is one paragraph of an email as written: its lines, or, when
// Link is set, a call to action (Action is its label).
type Paragraph struct {
	Lines        [][]Span
	Action, Link string
}

// Span is a run of a line: text, or a link when Href is set.
type Span struct{ Text, Href string }

// Step is one numbered thing to do, with the page where it is done.
type Step struct {
	Text, Link string
}

// Salon is a salon as its clients' emails show it.
type Salon struct {
	Name, Email, Phone, Address string
}

// platformName heads the platform's own emails.
const platformName = "Carnet"

// The layout keeps to what phone mail apps render: inline styles, one
// column, and long links allowed to break anywhere, so nothing scrolls
// sideways on a 390 px screen.
var htmlLayout = template.Must(template.New("email").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.C.Subject}}</title>
<style>a{word-break:break-word;overflow-wrap:anywhere}</style></head>
<body style="margin:0;padding:12px;background:#f6f3ef;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#2b2522">
<div style="max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:20px;overflow-wrap:anywhere;word-break:break-word">
<p style="font-size:18px;font-weight:600;color:#8a3b5c;margin:0 0 16px">{{.Brand}}</p>
{{if .C.Paragraphs}}<div class="message-body">{{range .C.Paragraphs}}{{if .Link}}<p style="margin:24px 0"><a href="{{.Link}}" style="background:#8a3b5c;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block;max-width:100%;box-sizing:border-box">{{.Action}}</a></p>
{{else}}<p>{{range $i, $l := .Lines}}{{if $i}}<br>{{end}}{{range $l}}{{if .Href}}<a href="{{.Href}}" style="color:#8a3b5c;word-break:break-all;overflow-wrap:anywhere">{{.Text}}</a>{{else}}{{.Text}}{{end}}{{end}}{{end}}</p>
{{end}}{{end}}</div>{{else}}<p>{{.C.Greeting}}</p>
{{range .C.Lines}}<p>{{.}}</p>{{end}}{{end}}
{{if .C.Steps}}<ol style="padding-left:20px">{{range .C.Steps}}<li style="margin:8px 0"><a href="{{.Link}}" style="color:#8a3b5c">{{.Text}}</a></li>{{end}}</ol>{{end}}
{{if .C.Link}}<p style="margin:24px 0"><a href="{{.C.Link}}" style="background:#8a3b5c;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block;max-width:100%;box-sizing:border-box">{{.C.Action}}</a></p>
<p style="font-size:13px;color:#6b625d;word-break:break-all;overflow-wrap:anywhere">{{.C.Link}}</p>{{end}}
{{if .C.Footer}}<p style="font-size:13px;color:#6b625d">{{.C.Footer}}{{if .C.FooterLink}} <a href="{{.C.FooterLink}}" style="color:#8a3b5c;word-break:break-all;overflow-wrap:anywhere">{{.C.FooterLink}}</a>{{end}}</p>{{end}}
{{with .C.Salon}}<p class="contact" style="font-size:13px;color:#6b625d;border-top:1px solid #eee;padding-top:12px">{{.Name}}{{if .Phone}}<br>{{.Phone}}{{end}}{{if .Address}}<br>{{.Address}}{{end}}</p>{{end}}
{{if .C.Unsubscribe}}<p style="font-size:12px;color:#6b625d"><a class="unsubscribe" href="{{.C.Unsubscribe}}" style="color:#6b625d">{{.UnsubscribeLabel}}</a></p>{{end}}
</div></body></html>`))

// Compose renders content as a plain-text and HTML message to one recipient.
func Compose(lang i18n.Lang, to string, c Content) Message {
	var text strings.Builder
	text.WriteString(c.Greeting + "\n\n")
	for _, l := range c.Lines {
		text.WriteString(l + "\n\n")
	}
	for i, st := range c.Steps {
		fmt.Fprintf(&text, "%d. %s%s%s\n", i+1, st.Text, i18n.Colon(lang), st.Link)
	}
	if len(c.Steps) > 0 {
		text.WriteString("\n")
	}
	if c.Link != "" {
		text.WriteString(c.Action + i18n.Colon(lang) + c.Link + "\n\n")
	}
	if c.Footer != "" {
		text.WriteString(strings.TrimSpace(c.Footer+" "+c.FooterLink) + "\n")
	}
	text.WriteString(Signature(lang, c))
	return envelope(Message{To: to, Subject: c.Subject, Text: text.String(), HTML: renderHTML(lang, c)}, c)
}

// renderHTML is the HTML part of content.
func renderHTML(lang i18n.Lang, c Content) string {
	brand := platformName
	if c.Salon != nil {
		brand = c.Salon.Name
	}
	var html bytes.Buffer
	if err := htmlLayout.Execute(&html, struct {
		Lang             i18n.Lang
		C                Content
		Brand            string
		UnsubscribeLabel string
	}{lang, c, brand, i18n.Tr(lang, "email.unsubscribe")}); err != nil {
		panic(err) // a fixed template over strings cannot fail
	}
	return html.String()
}

// Signature ends the text part of a salon's email: how to reach the salon
// and, on an offer, how to stop them.
func Signature(lang i18n.Lang, c Content) string {
	var b strings.Builder
	if s := c.Salon; s != nil {
		b.WriteString("\n" + s.Name)
		for _, v := range []string{s.Phone, s.Address} {
			if v != "" {
				b.WriteString("\n" + strings.ReplaceAll(v, "\n", ", "))
			}
		}
		b.WriteString("\n")
	}
	if c.Unsubscribe != "" {
		b.WriteString("\n" + i18n.Tr(lang, "email.unsubscribe") + i18n.Colon(lang) + c.Unsubscribe + "\n")
	}
	return b.String()
}

// envelope puts on m who it is from and how to leave, as content says.
func envelope(m Message, c Content) Message {
	if c.Salon != nil {
		m.FromName, m.ReplyTo = c.Salon.Name, c.Salon.Email
	}
	m.Unsubscribe = c.Unsubscribe
	return m
}
