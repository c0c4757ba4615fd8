package availability

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
)

// benchSetup is a busy month: 10 staff, half with a lunch break, and 300
// appointments on the 15-minute grid, seeded so runs compare.
func benchSetup() (Salon, []Staff, Query) {
	svc := Service{ID: uuid.New(), Duration: 45 * time.Minute, BufferAfter: 15 * time.Minute}
	salon := Salon{Location: paris, Hours: daily("09:00", "19:00"), Step: 15 * time.Minute, MinNotice: time.Hour}
	salon.Hours[time.Sunday] = nil
	first := at(paris, "2026-03-16 00:00") // the month crosses the spring change
	rng := rand.New(rand.NewPCG(1, 2))
	staff := make([]Staff, 10)
	for i := range staff {
		hours := salon.Hours
		if i%2 == 0 {
			hours = daily("09:00", "12:30", "13:30", "19:00")
			hours[time.Sunday] = nil
		}
		staff[i] = Staff{ID: uuid.New(), Hours: hours, Services: map[uuid.UUID]bool{svc.ID: true}}
	}
	for range 300 {
		st := &staff[rng.IntN(len(staff))]
		y, m, d := first.AddDate(0, 0, rng.IntN(30)).Date()
		start := time.Date(y, m, d, 9, 15*rng.IntN(36), 0, 0, paris)
		end := start.Add(time.Duration(30+15*rng.IntN(5))*time.Minute + 15*time.Minute)
		st.Busy = append(st.Busy, Interval{start, end})
	}
	q := Query{Services: []Service{svc}, From: first, To: first.AddDate(0, 0, 30), Now: first.Add(-time.Hour)}
	return salon, staff, q
}

func BenchmarkFind30Days10Staff300Appointments(b *testing.B) {
	salon, staff, q := benchSetup()
	if len(Find(salon, staff, q)) == 0 {
		b.Fatal("no slots")
	}
	b.ReportAllocs()
	for b.Loop() {
		Find(salon, staff, q)
	}
}
