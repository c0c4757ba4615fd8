package mail

import (
	"bytes"
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
	Action   string
	Link     string
	Footer   string
}

var htmlLayout = template.Must(template.New("email").Parse(`<!doctype html>
<html lang="{{.Lang}}"><body style="margin:0;padding:24px;background:#f6f3ef;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#2b2522">
<div style="max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:28px">
<p style="font-size:18px;font-weight:600;color:#8a3b5c;margin:0 0 16px">Carnet</p>
<p>{{.C.Greeting}}</p>
{{range .C.Lines}}<p>{{.}}</p>{{end}}
{{if .C.Link}}<p style="margin:24px 0"><a href="{{.C.Link}}" style="background:#8a3b5c;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">{{.C.Action}}</a></p>
<p style="font-size:13px;color:#6b625d">{{.C.Link}}</p>{{end}}
{{if .C.Footer}}<p style="font-size:13px;color:#6b625d">{{.C.Footer}}</p>{{end}}
</div></body></html>`))

// Compose renders content as a plain-text and HTML message to one recipient.
func Compose(lang i18n.Lang, to string, c Content) Message {
	var text strings.Builder
	text.WriteString(c.Greeting + "\n\n")
	for _, l := range c.Lines {
		text.WriteString(l + "\n\n")
	}
	if c.Link != "" {
		text.WriteString(c.Action + " : " + c.Link + "\n\n")
	}
	if c.Footer != "" {
		text.WriteString(c.Footer + "\n")
	}
	var html bytes.Buffer
	if err := htmlLayout.Execute(&html, struct {
		Lang i18n.Lang
		C    Content
	}{lang, c}); err != nil {
		panic(err) // a fixed template over strings cannot fail
	}
	return Message{To: to, Subject: c.Subject, Text: text.String(), HTML: html.String()}
}
