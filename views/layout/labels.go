package layout

import (
	"bytes"
	"context"
	"io"
	"sync"

	"github.com/a-h/templ"
)

// A refused form opens with a summary naming each bad field by its label,
// but the labels are only known further down, where the fields render. So a
// page is rendered once to a buffer; when it holds such a summary, it is
// rendered again with the labels it declared. Other pages render once.
type fieldLabels struct {
	labels  map[string]string
	summary bool // a summary with field errors was rendered
	ready   bool // the labels are complete: the second rendering
}

type fieldLabelsKey struct{}

func labelsOf(ctx context.Context) *fieldLabels {
	fl, _ := ctx.Value(fieldLabelsKey{}).(*fieldLabels)
	return fl
}

// NoteFieldLabel records a field's label, for the error summary.
func NoteFieldLabel(ctx context.Context, name, label string) {
	if fl := labelsOf(ctx); fl != nil && !fl.ready {
		fl.labels[name] = label
	}
}

// NoteErrorSummary says the page shows an error summary and returns the
// labels of the fields seen so far ("" for a field not declared).
func NoteErrorSummary(ctx context.Context) map[string]string {
	fl := labelsOf(ctx)
	if fl == nil {
		return nil
	}
	fl.summary = true
	return fl.labels
}

// withFieldLabels renders its children, twice for a refused form.
func withFieldLabels() templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		content := templ.GetChildren(ctx)
		ctx = templ.ClearChildren(ctx)
		fl := &fieldLabels{labels: map[string]string{}}
		ctx = context.WithValue(ctx, fieldLabelsKey{}, fl)
		buf := pageBuffers.Get().(*bytes.Buffer)
		defer putPageBuffer(buf)
		if err := content.Render(ctx, buf); err != nil {
			return err
		}
		if !fl.summary {
			_, err := buf.WriteTo(w)
			return err
		}
		fl.ready = true
		return content.Render(ctx, w)
	})
}

// pageBuffers keeps the buffers pages are first rendered into: grown from
// nothing on every request, a 60 KB page cost a dozen allocations and their
// zeroing, 5 % of the public page's CPU.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putPageBuffer returns a buffer to the pool unless one huge page (a busy
// agenda week) made it too big to keep around for every small one.
func putPageBuffer(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	pageBuffers.Put(b)
}
