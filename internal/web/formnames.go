package web

import (
	"github.com/carnet-salon/carnet/internal/apperr"
)

// keyedBy names an area's field problems with the form's fields; a name the
// map lacks is kept as it is.
func keyedBy(err error, names map[string]string) error {
	e, ok := apperr.As(err)
	if !ok || e.Code != apperr.Invalid || len(e.Fields) == 0 {
		return err
	}
	return withFields(apperr.Fields{}, e.Fields, names).Err()
}

// withFields adds an area's field problems to those the form found parsing,
// renamed to the form's fields; the parsing problem of a field comes first.
func withFields(bad, area apperr.Fields, names map[string]string) apperr.Fields {
	for k, v := range area {
		if n, ok := names[k]; ok {
			k = n
		}
		bad.Add(k, v)
	}
	return bad
}
