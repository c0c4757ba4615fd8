package web

// Forms are parsed at the edge. Each screen declares its form as a struct of
// string fields tagged `form:"html_name"` (a []string for a group of
// checkboxes): what the user typed, kept as typed, so a refused form comes
// back exactly as it was sent. Tag every field (`form:"-"` for one the post
// must not fill): the decoder reads an untagged field under its Go name.
// A screen's handler
//
//  1. decodes the post with decodeForm (Fiber's BodyParser, one decoder for
//     every screen);
//  2. turns the struct into the area's typed input (uuid.UUID, cents,
//     time.Duration…), recording parse problems in an apperr.Fields keyed by
//     the form's field names;
//  3. calls the area through submit, which saves only when the edge found
//     nothing and otherwise still runs the area's own checks, so every bad
//     field gets its message at once;
//  4. on a refusal, calls refusedForm: the area's field errors, keyed by the
//     area's own names, come back keyed by the form's.
//
// The area's name of a field is the form struct's Go field name, or the
// `field:"Name"` tag when the two differ. Prefilling a form (new, edit,
// refused) goes through formView, from the same struct.

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/views/ui"
)

// decodeForm fills dst, a pointer to a form struct, from the posted body. A
// post without a form body decodes as an empty form, as FormValue reads "".
func decodeForm(c *fiber.Ctx, dst any) error {
	if len(c.Body()) == 0 {
		return nil
	}
	if err := c.BodyParser(dst); err != nil {
		return fmt.Errorf("web: decode form: %w (%v)", fiber.NewError(fiber.StatusBadRequest, "bad form"), err)
	}
	return nil
}

// formView is the ui.Form the views render from a form struct: its values,
// and its field names in the struct's order (the order of the error summary).
func formView(src any) ui.Form {
	f := ui.NewForm()
	eachFormField(src, func(name, _ string, v reflect.Value) {
		f.Names = append(f.Names, name)
		switch x := v.Interface().(type) {
		case string:
			f.Values[name] = x
		case []string:
			f.Values[name] = strings.Join(x, ",")
		case bool:
			if x {
				f.Values[name] = "on"
			}
		}
	})
	return f
}

// formErrors maps field errors keyed by the area's names to the form's
// names. Keys that are already form names (found at the edge) win over the
// area's, and keys the form does not know are kept as they are so that the
// error summary still shows them.
func formErrors(src any, errs apperr.Fields) apperr.Fields {
	toForm := map[string]string{}
	eachFormField(src, func(name, area string, _ reflect.Value) { toForm[area] = name })
	out := apperr.Fields{}
	for k, v := range errs {
		if _, ok := toForm[k]; !ok {
			out[k] = v
		}
	}
	for k, v := range errs {
		if name, ok := toForm[k]; ok {
			out.Add(name, v)
		}
	}
	return out
}

// refusedForm is refused for a form struct: the form comes back filled from
// src, with the area's field errors under the form's field names. It returns
// false, like refused, for errors that are not the user's to fix.
func refusedForm(c *fiber.Ctx, f *ui.Form, src any, err error) bool {
	*f = formView(src)
	if !refused(c, f, err) {
		return false
	}
	if len(f.Errors) > 0 {
		f.Errors = formErrors(src, f.Errors)
	} else {
		f.Errors = apperr.Fields{}
	}
	return true
}

// submit calls save when the edge found no problem. Otherwise nothing is
// saved, but check (the area's validation of the same input) still runs, so
// the refusal lists the area's problems beside the edge's.
func submit(edge apperr.Fields, check, save func() error) error {
	if len(edge) == 0 {
		return save()
	}
	if e, ok := apperr.As(check()); ok && e.Code == apperr.Invalid {
		for k, v := range e.Fields {
			edge.Add(k, v)
		}
	}
	return edge.Err()
}

// eachFormField calls fn for each `form`-tagged field of the struct src
// points to (or is), with its form name and its name in the area. The fields
// of an untagged embedded struct (a part several forms share, such as a week
// of hours) count as the form's own, as the decoder reads them.
func eachFormField(src any, fn func(name, area string, v reflect.Value)) {
	eachField(reflect.Indirect(reflect.ValueOf(src)), fn)
}

func eachField(v reflect.Value, fn func(name, area string, v reflect.Value)) {
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		name := sf.Tag.Get("form")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			eachField(v.Field(i), fn)
			continue
		}
		if name == "" || name == "-" {
			continue
		}
		area := sf.Tag.Get("field")
		if area == "" {
			area = sf.Name
		}
		fn(name, area, v.Field(i))
	}
}

// The edge's parsers: each reads one typed value and, when it cannot, records
// under the form's field name the same message the field has always shown.

// intField reads a whole number (blank is not one: an optional field is
// skipped by its caller when blank).
func intField(errs apperr.Fields, name, raw string) int {
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		errs.Add(name, "number.invalid")
	}
	return n
}

// centsField reads an amount within a money bound.
func centsField(errs apperr.Fields, name, raw string, b money.Bound) int64 {
	c, problem := b.Parse(raw)
	if problem != "" {
		errs.Add(name, problem)
	}
	return c
}

// centsText is how an amount is prefilled: as the salon would type it.
func centsText(c *fiber.Ctx, cents int64) string {
	return money.New(cents, currentSalon(c).Currency).Plain(i18n.LangFrom(ctx(c)))
}

// rateField reads a VAT rate in basis points; blank is nil (the area's default).
func rateField(errs apperr.Fields, name, raw string) *int32 {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	bp := int32(intField(errs, name, raw))
	return &bp
}

// dateField reads a civil date as <input type="date"> sends it, at midnight UTC as dates are kept; blank is the zero
// date, which the area's checks refuse where a date is needed.
func dateField(edge apperr.Fields, name, raw string) time.Time {
	if strings.TrimSpace(raw) == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(raw))
	if err != nil {
		edge.Add(name, "date.invalid")
	}
	return d
}
