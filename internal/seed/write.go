package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	salons "github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// write stores one salon in one transaction scoped to it, as the
// application role: the salon and its owner go through the same code as
// a sign-up, the rest one statement per table. It returns the rows written.
func write(ctx context.Context, db *store.DB, s *salon, hash string) (int, error) {
	rows := 0
	err := db.WithTenant(ctx, s.id, func(tx store.Tx) error {
		cats, err := open(ctx, tx, s, hash)
		if err != nil {
			return err
		}
		rows = 3 + len(cats)
		for _, step := range []func(context.Context, store.Tx, *salon) (int, error){writeSetUp, writeTeam} {
			n, err := step(ctx, tx, s)
			if err != nil {
				return err
			}
			rows += n
		}
		n, err := writeClients(ctx, tx, s, cats)
		if err != nil {
			return err
		}
		rows += n
		n, err = writeVisits(ctx, tx, s)
		rows += n
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("seed: %s: %w", Slug(s.index), err)
	}
	return rows, nil
}

// open creates the salon and its owner as sign-up does, and returns the
// client categories sign-up gave it, in their order.
func open(ctx context.Context, tx store.Tx, s *salon, hash string) ([]uuid.UUID, error) {
	now := s.signedUp
	if err := tx.UserCreate(ctx, dbq.UserCreateParams{ID: s.ownerID, Email: OwnerEmail(s.index), Name: s.staff[0].name,
		PasswordHash: hash, Locale: "fr", EmailVerifiedAt: &now}); err != nil {
		return nil, err
	}
	if err := salons.Insert(ctx, tx, salons.NewInput{ID: s.id, Slug: Slug(s.index), Name: s.name, TimeZone: zone,
		Currency: "EUR", Locale: "fr", Country: salons.DefaultCountry}); err != nil {
		return nil, err
	}
	if err := tx.MembershipCreate(ctx, dbq.MembershipCreateParams{TenantID: s.id, UserID: s.ownerID, Role: "owner"}); err != nil {
		return nil, err
	}
	if err := customer.SeedCategoriesTx(ctx, tx, s.id, func(key string) string { return i18n.Tr(i18n.FR, "category."+key) }); err != nil {
		return nil, err
	}
	list, err := tx.CustomerCategoryList(ctx, s.id)
	if err != nil {
		return nil, err
	}
	cats := make([]uuid.UUID, len(list))
	for i, c := range list {
		cats[i] = c.ID
	}
	return cats, tx.SeedSettings(ctx, dbq.SeedSettingsParams{TenantID: s.id, Address: s.addr, Phone: s.phone,
		Email: "contact@" + Slug(s.index) + ".test", SmsSender: "Salon" + fmt.Sprintf("%04d", s.index%10000)})
}

func writeSetUp(ctx context.Context, tx store.Tx, s *salon) (int, error) {
	var oh dbq.SeedOpeningHoursParams
	oh.TenantID = s.id
	for _, h := range s.opening {
		oh.Weekdays = append(oh.Weekdays, int16(h.weekday))
		oh.Opens, oh.Closes = append(oh.Opens, int32(h.from)), append(oh.Closes, int32(h.till))
	}
	if err := tx.SeedOpeningHours(ctx, oh); err != nil {
		return 0, err
	}
	cl := dbq.SeedClosuresParams{TenantID: s.id, StartsOn: []time.Time{}, EndsOn: []time.Time{}, Reasons: []string{}}
	for _, p := range s.closures {
		cl.StartsOn, cl.EndsOn, cl.Reasons = append(cl.StartsOn, p.from), append(cl.EndsOn, p.to), append(cl.Reasons, p.reason)
	}
	if err := tx.SeedClosures(ctx, cl); err != nil {
		return 0, err
	}
	sc := dbq.SeedServiceCategoriesParams{TenantID: s.id}
	for i, c := range s.families {
		sc.Ids, sc.Names, sc.Positions = append(sc.Ids, c.id), append(sc.Names, c.name), append(sc.Positions, int32(i))
	}
	if err := tx.SeedServiceCategories(ctx, sc); err != nil {
		return 0, err
	}
	sv := dbq.SeedServicesParams{TenantID: s.id}
	for i, x := range s.services {
		sv.Ids, sv.CategoryIds, sv.Names = append(sv.Ids, x.id), append(sv.CategoryIds, x.category), append(sv.Names, x.name)
		sv.Durations, sv.Buffers = append(sv.Durations, int32(x.minutes)), append(sv.Buffers, int32(x.buffer))
		sv.Prices, sv.VatRates = append(sv.Prices, x.price), append(sv.VatRates, 2000) // beauty care: 20 %
		sv.Online, sv.Positions = append(sv.Online, i%7 != 6), append(sv.Positions, int32(i))
	}
	if err := tx.SeedServices(ctx, sv); err != nil {
		return 0, err
	}
	return len(s.opening) + len(s.closures) + len(s.families) + len(s.services), nil
}

func writeTeam(ctx context.Context, tx store.Tx, s *salon) (int, error) {
	st := dbq.SeedStaffParams{TenantID: s.id, OwnerID: &s.ownerID}
	var ss dbq.SeedStaffServicesParams
	var sh dbq.SeedStaffHoursParams
	ab := dbq.SeedAbsencesParams{TenantID: s.id, StaffIds: []uuid.UUID{}, StartsOn: []time.Time{}, EndsOn: []time.Time{}, Reasons: []string{}}
	ss.TenantID, sh.TenantID = s.id, s.id
	for i, m := range s.staff {
		st.Ids, st.Names = append(st.Ids, m.id), append(st.Names, m.name)
		st.Colors, st.Positions = append(st.Colors, int16(1+i%12)), append(st.Positions, int32(i))
		for _, k := range m.services {
			ss.StaffIds, ss.ServiceIds = append(ss.StaffIds, m.id), append(ss.ServiceIds, s.services[k].id)
		}
		for _, h := range m.week {
			sh.StaffIds, sh.Weekdays = append(sh.StaffIds, m.id), append(sh.Weekdays, int16(h.weekday))
			sh.Starts, sh.Ends = append(sh.Starts, int32(h.from)), append(sh.Ends, int32(h.till))
		}
		for _, a := range m.absences {
			ab.StaffIds, ab.StartsOn = append(ab.StaffIds, m.id), append(ab.StartsOn, a.from)
			ab.EndsOn, ab.Reasons = append(ab.EndsOn, a.to), append(ab.Reasons, a.reason)
		}
	}
	if err := tx.SeedStaff(ctx, st); err != nil {
		return 0, err
	}
	if err := tx.SeedStaffServices(ctx, ss); err != nil {
		return 0, err
	}
	if err := tx.SeedStaffHours(ctx, sh); err != nil {
		return 0, err
	}
	if err := tx.SeedAbsences(ctx, ab); err != nil {
		return 0, err
	}
	return len(st.Ids) + len(ss.StaffIds) + len(sh.StaffIds) + len(ab.StaffIds), nil
}

func writeClients(ctx context.Context, tx store.Tx, s *salon, cats []uuid.UUID) (int, error) {
	p := dbq.SeedCustomersParams{TenantID: s.id, Lang: "fr"}
	co := dbq.SeedConsentsParams{TenantID: s.id, CustomerIds: []uuid.UUID{}, Channels: []string{}, At: []time.Time{}}
	for _, c := range s.customers {
		p.Ids, p.FirstNames, p.LastNames = append(p.Ids, c.id), append(p.FirstNames, c.first), append(p.LastNames, c.last)
		p.Phones, p.Emails, p.Genders = append(p.Phones, c.phone), append(p.Emails, c.email), append(p.Genders, c.gender)
		p.PostalCodes, p.Cities, p.BirthDates = append(p.PostalCodes, s.postal), append(p.Cities, s.city), append(p.BirthDates, c.birth)
		p.Notes, p.EmailMarketing, p.SmsMarketing = append(p.Notes, c.note), append(p.EmailMarketing, c.emailOffers), append(p.SmsMarketing, c.smsOff)
		p.CategoryIds, p.CreatedAt = append(p.CategoryIds, cats[c.category]), append(p.CreatedAt, c.created)
		// An opt-in to offers is recorded with its time (CNIL), as the record does.
		for _, ch := range []struct {
			on   bool
			name string
		}{{c.emailOffers, "email"}, {c.smsOff, "sms"}} {
			if ch.on {
				co.CustomerIds, co.Channels, co.At = append(co.CustomerIds, c.id), append(co.Channels, ch.name), append(co.At, c.created)
			}
		}
	}
	if err := tx.SeedCustomers(ctx, p); err != nil {
		return 0, err
	}
	if err := tx.SeedConsents(ctx, co); err != nil {
		return 0, err
	}
	return len(p.Ids) + len(co.CustomerIds), nil
}
