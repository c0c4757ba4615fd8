package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
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
	category, name, duration, buffer, price string
}

var demoServices = []demoService{
	{"Visage", "Soin visage éclat", "60", "15", "65"},
	{"Visage", "Soin hydratant intense", "75", "15", "85"},
	{"Épilation", "Épilation sourcils", "20", "0", "15"},
	{"Épilation", "Épilation jambes complètes", "45", "10", "38"},
	{"Mains & pieds", "Manucure semi-permanent", "50", "10", "42"},
	{"Mains & pieds", "Beauté des pieds", "45", "10", "39"},
}

// fill sets up a freshly created demo salon: hours, services, staff and a
// few appointments around today, so the agenda is not empty.
func fill(ctx context.Context, a Areas, salonID, ownerID uuid.UUID) error {
	var week [7]string
	for d := time.Tuesday; d <= time.Friday; d++ {
		week[d] = "09:00-19:00"
	}
	week[time.Saturday] = "09:00-17:00"
	if err := a.Salons.SetHours(ctx, salonID, week); err != nil {
		return err
	}
	ids, err := demoCatalog(ctx, a.Catalog, salonID)
	if err != nil {
		return err
	}
	staff := []team.MemberInput{
		{Name: "Camille", Color: "1", Services: ids},
		{Name: "Inès", Color: "2", Services: ids[:4]},
		{Name: "Sarah", Color: "3", Services: ids[2:], Days: [7]string{2: "10:00-19:00", 3: "10:00-19:00", 5: "09:00-19:00", 6: "09:00-17:00"}},
	}
	var staffIDs []string
	for _, m := range staff {
		id, err := a.Team.Save(ctx, salonID, uuid.Nil, m)
		if err != nil {
			return err
		}
		staffIDs = append(staffIDs, id.String())
	}
	return demoAppointments(ctx, a, salonID, ownerID, staffIDs, ids)
}

func demoCatalog(ctx context.Context, c *catalog.Catalog, salonID uuid.UUID) ([]string, error) {
	cats := map[string]string{}
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
		cats[cat.Name] = cat.ID.String()
	}
	var ids []string
	for _, s := range demoServices {
		id, err := c.CreateService(ctx, salonID, catalog.ServiceInput{CategoryID: cats[s.category], Name: s.name,
			Duration: s.duration, Buffer: s.buffer, Price: s.price, OnlineBookable: true, PaymentMode: "default"})
		if err != nil {
			return nil, err
		}
		ids = append(ids, id.String())
	}
	for _, p := range []catalog.ProductInput{{Name: "Crème hydratante 50 ml", Price: "32", Stock: "12"}, {Name: "Huile sèche", Price: "24,50", Stock: "8"}} {
		if err := c.SaveProduct(ctx, salonID, uuid.Nil, p); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func demoAppointments(ctx context.Context, a Areas, salonID, ownerID uuid.UUID, staff, services []string) error {
	sal, err := a.Salons.Get(ctx, salonID)
	if err != nil {
		return err
	}
	clients := [][2]string{{"Léa", "Martin"}, {"Chloé", "Bernard"}, {"Emma", "Petit"}, {"Manon", "Durand"}, {"Jade", "Leroy"}}
	today := time.Now().In(sal.Location())
	for d := 0; d < 7; d++ {
		day := today.AddDate(0, 0, d)
		if wd := day.Weekday(); wd == time.Sunday || wd == time.Monday {
			continue // closed
		}
		for i, slot := range []string{"09:30", "11:00", "14:00", "16:30"} {
			c := clients[(d+i)%len(clients)]
			_, err := a.Agenda.Create(ctx, sal, ownerID, agenda.Input{StaffID: staff[(d+i)%2], Date: day.Format(time.DateOnly), Time: slot,
				ServiceIDs: []string{services[(d+i)%4]}, Customer: customer.QuickInput{FirstName: c[0], LastName: c[1],
					Phone: fmt.Sprintf("06 12 34 56 %02d", (d+i)%len(clients))}})
			if err != nil {
				return fmt.Errorf("demo: appointment: %w", err)
			}
		}
	}
	return nil
}
