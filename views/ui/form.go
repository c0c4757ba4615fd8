// Package ui holds the small pieces every screen uses: form fields that show
// their error beside them and keep what was typed, the CSRF input, dates.
package ui

import (
	"slices"
	"sort"

	"github.com/carnet-salon/carnet/internal/apperr"
)

// Form is a form's state: the values as typed and the problems found, so a
// refused form comes back filled with a message beside each bad field.
type Form struct {
	Values map[string]string
	Errors apperr.Fields
	Error  string   // i18n key of a message about the whole form
	Args   []any    // arguments of Error
	Names  []string // the fields in the order the form shows them, for the error summary
}

// NewForm returns an empty form.
func NewForm() Form { return Form{Values: map[string]string{}, Errors: apperr.Fields{}} }

// Get returns a field's value.
func (f Form) Get(name string) string { return f.Values[name] }

// Err returns the i18n key of a field's problem, or "".
func (f Form) Err(name string) string { return f.Errors[name] }

// Rename gives a field another name, its value and its problem with it:
// for a field a page shows several times (one per register, one per line),
// whose copies need names of their own.
func (f Form) Rename(from, to, value string) {
	f.Values[to] = value
	if key := f.Errors[from]; key != "" {
		delete(f.Errors, from)
		f.Errors.Add(to, key)
	}
}

// BadFields names the fields with a problem: in the form's order, then any
// others the form did not list, sorted.
func (f Form) BadFields() []string {
	var bad, rest []string
	for _, n := range f.Names {
		if f.Errors[n] != "" && !slices.Contains(bad, n) {
			bad = append(bad, n)
		}
	}
	for n := range f.Errors {
		if !slices.Contains(bad, n) {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	return append(bad, rest...)
}

// Field describes one labelled input.
type Field struct {
	Name         string
	Label        string // translated
	Type         string // text, email, password, tel…; default text
	Hint         string // translated
	Autocomplete string
	Required     bool
	Prefix       string // shown before the input (e.g. the public URL before a slug)
	Attrs        map[string]any
}
