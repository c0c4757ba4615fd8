package urls

import (
	"time"

	"github.com/google/uuid"
)

// TillTakings is today's takings (owners and managers).
func TillTakings() string { return Till() + "/takings" }

// TillTakingsOn is the takings of the civil day of day, of one register or
// (register Nil) all of them.
func TillTakingsOn(day time.Time, register uuid.UUID) string {
	u := TillTakings() + "?date=" + day.Format(time.DateOnly)
	if register != uuid.Nil {
		u += "&register=" + register.String()
	}
	return u
}
