package booking

import (
	"context"
	"sync"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// offerCacheSize bounds the offers an instance keeps: about 20 KB each for a
// salon of 15 staff and 57 services, so 2,000 salons stay under 40 MB. Past
// it, an arbitrary one is dropped and read again on its next visit.
const offerCacheSize = 2000

// offerCache keeps each salon's offer reads with the version they were read
// under (table offer_versions, bumped by triggers on every write to them).
// The rows are never changed once stored: Offer and Members build fresh
// values from them on each request.
type offerCache struct {
	mu     sync.Mutex
	offers map[uuid.UUID]cachedOffer
}

type cachedOffer struct {
	version int64
	reads   offerReads
}

func (c *offerCache) get(salonID uuid.UUID) (cachedOffer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	o, ok := c.offers[salonID]
	return o, ok
}

func (c *offerCache) put(salonID uuid.UUID, o cachedOffer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.offers == nil {
		c.offers = make(map[uuid.UUID]cachedOffer)
	}
	if _, ok := c.offers[salonID]; !ok && len(c.offers) >= offerCacheSize {
		for id := range c.offers {
			delete(c.offers, id)
			break
		}
	}
	c.offers[salonID] = o
}

// readOffer reads the salon's offer, with whatever else more queues, in one
// round trip: the offer's version and, when this instance holds no offer of
// the salon, the offer itself. When the version moved since the offer was
// kept (another instance, or this one, changed it), a second round trip
// reads it again. The platform's fee is read every time: it is one row for
// every salon, changed by an admin, and keeps no version.
func (b *Booking) readOffer(ctx context.Context, salonID uuid.UUID, more func(*store.Batch)) (offerReads, error) {
	kept, ok := b.offers.get(salonID)
	var version int64
	var fee dbq.PlatformFeeGetRow
	var fresh offerReads
	batch := &store.Batch{}
	// The version first: a change committed between the two reads leaves
	// an old version beside new rows, read again on the next request.
	queueOfferVersion(ctx, batch, salonID, &version)
	if ok {
		batch.Queue(func(q *dbq.Queries) (err error) { fee, err = q.PlatformFeeGet(ctx); return err })
	} else {
		fresh.queue(ctx, batch, salonID)
	}
	if more != nil {
		more(batch)
	}
	if err := b.DB.WithTenantBatch(ctx, salonID, batch, nil); err != nil {
		return offerReads{}, err
	}
	if ok && kept.version == version {
		r := kept.reads
		r.policy.fee = fee
		return r, nil
	}
	if ok { // changed since it was kept: fresh is still empty, read it now
		batch = &store.Batch{}
		queueOfferVersion(ctx, batch, salonID, &version)
		fresh.queue(ctx, batch, salonID)
		if err := b.DB.WithTenantBatch(ctx, salonID, batch, nil); err != nil {
			return offerReads{}, err
		}
	}
	b.offers.put(salonID, cachedOffer{version: version, reads: fresh})
	return fresh, nil
}

func queueOfferVersion(ctx context.Context, b *store.Batch, salonID uuid.UUID, out *int64) {
	b.Queue(func(q *dbq.Queries) (err error) { *out, err = q.OfferVersion(ctx, salonID); return err })
}
