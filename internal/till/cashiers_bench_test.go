package till_test

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// BenchmarkCloseTicketFiftyCashiers closes paid tickets with 50 cashiers at
// once and reports the latency a cashier waits for « Encaisser » (p50, p99):
// spread over 50 salons, as on a busy Saturday across the platform, and all
// on one register, the worst case, where closings queue on its number.
// Each cashier pauses 0–1 s between closings (a real one takes minutes per
// client, so this is far busier than any salon); the saturated variants,
// with no pause, give the most closings per second the machine can sign.
func BenchmarkCloseTicketFiftyCashiers(b *testing.B) {
	for _, shape := range []struct {
		name   string
		salons int
		pause  time.Duration
	}{{"50-salons", 50, time.Second}, {"one-register", 1, time.Second},
		{"50-salons-saturated", 50, 0}, {"one-register-saturated", 1, 0}} {
		b.Run(shape.name, func(b *testing.B) {
			const cashiers = 50
			first := setup(b)
			bundles := []*bundle{first}
			for len(bundles) < shape.salons {
				bundles = append(bundles, setupOn(b, first.env))
			}
			queues := make([][]uuid.UUID, cashiers)
			per := b.N/cashiers + 1
			for i := range bundles {
				ids := bundles[i].paidTickets(b, per*cashiers/len(bundles))
				for c := i; c < cashiers; c += len(bundles) {
					k := c / len(bundles)
					queues[c] = ids[k*per : (k+1)*per]
				}
			}
			var (
				mu    sync.Mutex
				waits []time.Duration
				wg    sync.WaitGroup
				start = make(chan struct{})
			)
			b.ResetTimer()
			for c := range cashiers {
				bb := bundles[c%len(bundles)]
				wg.Go(func() {
					<-start
					mine := make([]time.Duration, 0, per)
					for _, id := range queues[c] {
						if shape.pause > 0 {
							time.Sleep(rand.N(shape.pause))
						}
						t0 := time.Now()
						if _, err := bb.till().Close(bg, bb.salon.ID, id, bb.owner, "EUR"); err != nil {
							b.Error(err)
							return
						}
						mine = append(mine, time.Since(t0))
					}
					mu.Lock()
					waits = append(waits, mine...)
					mu.Unlock()
				})
			}
			close(start)
			wg.Wait()
			b.StopTimer()
			slices.Sort(waits)
			at := func(q float64) float64 { return float64(waits[int(q*float64(len(waits)-1))]) / 1e6 }
			b.ReportMetric(at(0.50), "p50-ms")
			b.ReportMetric(at(0.99), "p99-ms")
			b.ReportMetric(float64(len(waits))/b.Elapsed().Seconds(), "closings/s")
		})
	}
}
