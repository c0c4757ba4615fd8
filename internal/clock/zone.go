package clock

import (
	"sync"
	"time"
)

// zones keeps every time zone once loaded: time.LoadLocation parses the
// zone's tzdata on each call, which showed as 5 % of a public page's CPU
// when each request asked for its salon's zone. A platform knows a few
// dozen zones at most, so the map never needs to forget.
var zones sync.Map // name → *time.Location

// Zone is the named IANA time zone, or UTC when the name is unknown (a
// salon's stored zone is checked when it is set; UTC keeps a page working
// if a zone ever disappears from the tz database).
func Zone(name string) *time.Location {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	zones.Store(name, loc)
	return loc
}
