package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/team"
)

// Areas is what the demo fills in.
type Areas struct {
	Salons  *salon.Service
	Catalog *catalog.Catalog
	Team    *team.Team
	Agenda  *agenda.Agenda
}

type demoService struct {
	category, name   string
	duration, buffer time.Duration
	price            int64 // cents
}

var demoServices = []demoService{
	{"Visage", "Soin visage éclat", 60 * time.Minute, 15 * time.Minute, 6500},
	{"Visage", "Soin hydratant intense", 75 * time.Minute, 15 * time.Minute, 8500},
	{"Épilation", "Épilation sourcils", 20 * time.Minute, 0 * time.Minute, 1500},
	{"Épilation", "Épilation jambes complètes", 45 * time.Minute, 10 * time.Minute, 3800},
	{"Mains & pieds", "Manucure semi-permanent", 50 * time.Minute, 10 * time.Minute, 4200},
	{"Mains & pieds", "Beauté des pieds", 45 * time.Minute, 10 * time.Minute, 3900},
}

// fill sets up a freshly created demo salon: hours, services, staff and a
// fortnight of appointments around today, so the agenda is not empty.
func fill(ctx context.Context, a Areas, salonID, ownerID uuid.UUID) error {
	day, saturday := []availability.Range{availability.Hours(9, 19)}, []availability.Range{availability.Hours(9, 17)}
	week := availability.Week{time.Tuesday: day, time.Wednesday: day, time.Thursday: day, time.Friday: day, time.Saturday: saturday}
	if err := a.Salons.SetHours(ctx, salonID, week); err != nil {
		return err
	}
	ids, err := demoCatalog(ctx, a.Catalog, salonID)
	if err != nil {
		return err
	}
	staff := []team.MemberInput{
		{Name: "Camille", Color: 1, Services: ids},
		{Name: "Inès", Color: 2, Services: ids[:4]},
		{Name: "Sarah", Color: 3, Services: ids[2:], Days: availability.Week{time.Tuesday: {availability.Hours(10, 19)},
			time.Wednesday: {availability.Hours(10, 19)}, time.Friday: day, time.Saturday: saturday}},
	}
	var staffIDs []uuid.UUID
	for _, m := range staff {
		id, err := a.Team.Save(ctx, salonID, uuid.Nil, m)
		if err != nil {
			return err
		}
		staffIDs = append(staffIDs, id)
	}
	return demoAppointments(ctx, a, salonID, ownerID, staffIDs, ids)
}

func demoCatalog(ctx context.Context, c *catalog.Catalog, salonID uuid.UUID) ([]uuid.UUID, error) {
	cats := map[string]uuid.UUID{}
	for _, name := range []string{"Visage", "Épilation", "Mains & pieds"} {
		if err := c.CreateCategory(ctx, salonID, name); err != nil {
			return nil, err
		}
	}
	list, err := c.Categories(ctx, salonID)
	if err != nil {
		return nil, err
	}
	for _, cat := range list {
		cats[cat.Name] = cat.ID
	}
	var ids []uuid.UUID
	for _, s := range demoServices {
		id, err := c.CreateService(ctx, salonID, catalog.ServiceInput{CategoryID: new(cats[s.category]), Name: s.name,
			Duration: s.duration, Buffer: s.buffer, PriceCents: s.price, OnlineBookable: true})
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	for _, p := range []catalog.ProductInput{{Name: "Crème hydratante 50 ml", PriceCents: 3200, Stock: 12}, {Name: "Huile sèche", PriceCents: 2450, Stock: 8}} {
		if err := c.SaveProduct(ctx, salonID, uuid.Nil, p); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func demoAppointments(ctx context.Context, a Areas, salonID, ownerID uuid.UUID, staff, services []uuid.UUID) error {
	sal, err := a.Salons.Get(ctx, salonID)
	if err != nil {
		return err
	}
	clients := [][2]string{{"Léa", "Martin"}, {"Chloé", "Bernard"}, {"Emma", "Petit"}, {"Manon", "Durand"}, {"Jade", "Leroy"}}
	now := a.Agenda.Clock.Now().In(sal.Location())
	// The week gone by and the week to come: visits already past are typed
	// in as such (the form's "visit already done" box), then marked done —
	// or no-show for one in five, so the reports have something to show.
	for d := -7; d < 7; d++ {
		day := now.AddDate(0, 0, d)
		if wd := day.Weekday(); wd == time.Sunday || wd == time.Monday {
			continue // closed
		}
		for i, slot := range [][2]int{{9, 30}, {11, 0}, {14, 0}, {15, 30}} { // the last ends by 17:00, Saturday's closing
			c := clients[(d+7+i)%len(clients)]
			start := time.Date(day.Year(), day.Month(), day.Day(), slot[0], slot[1], 0, 0, sal.Location())
			past := start.Before(now)
			id, err := a.Agenda.Create(ctx, sal, ownerID, agenda.Input{StaffID: staff[(d+7+i)%2], Start: start,
				ServiceIDs: []uuid.UUID{services[(d+7+i)%4]}, Past: past, Customer: customer.QuickInput{FirstName: c[0], LastName: c[1],
					Phone: fmt.Sprintf("06 12 34 56 %02d", (d+7+i)%len(clients))}})
			if err != nil {
				return fmt.Errorf("demo: appointment: %w", err)
			}
			if !past {
				continue
			}
			status := agenda.StatusDone
			if (d+7+i)%5 == 0 {
				status = agenda.StatusNoShow
			}
			if err := a.Agenda.SetStatus(ctx, salonID, id, status); err != nil {
				return fmt.Errorf("demo: appointment status: %w", err)
			}
		}
	}
	return nil
}
