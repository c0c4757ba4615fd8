package urls

import "time"

// TillTakings is today's takings (owners and managers).
func TillTakings() string { return Till() + "/takings" }

// TillTakingsOn is the takings of the civil day of day.
func TillTakingsOn(day time.Time) string { return TillTakings() + "?date=" + day.Format(time.DateOnly) }
