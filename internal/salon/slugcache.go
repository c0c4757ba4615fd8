package salon

import (
	"sync"
	"time"

	"github.com/google/uuid"
)

// slugTTL bounds how long a salon found by its slug is remembered. Changes
// made through this process are forgotten at once (Forget); another
// replica's change (a suspension by the platform team) shows here within
// slugTTL at most.
const slugTTL = 10 * time.Second

// slugCacheMax keeps a flood of distinct slugs from growing the map without
// bound; past it the cache starts over.
const slugCacheMax = 20_000

// slugCache remembers recent slug → salon answers: every public request
// starts with that lookup, and on its own it was a round trip to Postgres
// on a separate pool before the page's own reads. Unknown slugs are not
// remembered, so a new salon's page works at once.
type slugCache struct {
	mu      sync.Mutex
	entries map[string]slugEntry
	gen     uint64 // bumped by every Forget
}

type slugEntry struct {
	salon   Salon
	expires time.Time
}

func (c *slugCache) get(slug string, now time.Time) (Salon, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[slug]
	return e.salon, c.gen, ok && now.Before(e.expires)
}

// put stores an answer read while the generation was gen: if a Forget came
// in between, the answer may predate the change and is dropped.
func (c *slugCache) put(slug string, sal Salon, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil || len(c.entries) >= slugCacheMax {
		c.entries = map[string]slugEntry{}
	}
	c.entries[slug] = slugEntry{salon: sal, expires: now.Add(slugTTL)}
}

func (c *slugCache) forget(id uuid.UUID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for slug, e := range c.entries {
		if e.salon.ID == id {
			delete(c.entries, slug)
		}
	}
}
