package team

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/availability"
	"github.com/carnet-salon/carnet/internal/salon"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Team runs the staff area.
type Team struct {
	DB *store.DB
}

// Colors is the size of the agenda's palette.
const Colors = 12

// Member is one staff member with everything the agenda needs.
type Member struct {
	ID        uuid.UUID
	UserID    *uuid.UUID
	UserEmail string
	Name      string
	Color     int
	Active    bool
	Services  map[uuid.UUID]bool
	Hours     availability.Week
}

// Does reports whether the member performs every given service.
func (m Member) Does(services ...uuid.UUID) bool {
	for _, s := range services {
		if !m.Services[s] {
			return false
		}
	}
	return true
}

// Members lists the salon's staff, active first, with services and hours.
func (t *Team) Members(ctx context.Context, salonID uuid.UUID) ([]Member, error) {
	var out []Member
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = MembersTx(ctx, tx, salonID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("team: members: %w", err)
	}
	return out, nil
}

// MembersTx loads the staff inside the caller's unit of work, in three queries
// whatever the team's size.
func MembersTx(ctx context.Context, tx store.Tx, salonID uuid.UUID) ([]Member, error) {
	var r MemberReads
	var err error
	if r.staff, err = tx.StaffList(ctx, salonID); err != nil {
		return nil, err
	}
	if r.links, err = tx.StaffServicesByMember(ctx, salonID); err != nil {
		return nil, err
	}
	if r.hours, err = tx.StaffHoursList(ctx, salonID); err != nil {
		return nil, err
	}
	return r.Members(), nil
}

// MemberReads is MembersTx as three reads of a batch.
type MemberReads struct {
	staff []dbq.StaffListRow
	links []dbq.StaffServicesByMemberRow
	hours []dbq.StaffHour
}

// Queue adds the three reads to b.
func (r *MemberReads) Queue(ctx context.Context, b *store.Batch, salonID uuid.UUID) {
	b.Queue(func(q *dbq.Queries) (err error) { r.staff, err = q.StaffList(ctx, salonID); return err })
	b.Queue(func(q *dbq.Queries) (err error) { r.links, err = q.StaffServicesByMember(ctx, salonID); return err })
	b.Queue(func(q *dbq.Queries) (err error) { r.hours, err = q.StaffHoursList(ctx, salonID); return err })
}

// Members puts the reads together, once the batch has been sent.
func (r *MemberReads) Members() []Member {
	out := make([]Member, len(r.staff))
	index := make(map[uuid.UUID]*Member, len(r.staff))
	for i, s := range r.staff {
		out[i] = Member{ID: s.ID, UserID: s.UserID, UserEmail: s.UserEmail, Name: s.Name, Color: int(s.Color),
			Active: s.Active, Services: map[uuid.UUID]bool{}}
		index[s.ID] = &out[i]
	}
	for _, l := range r.links {
		if m := index[l.StaffID]; m != nil {
			for _, id := range l.ServiceIds {
				m.Services[id] = true
			}
		}
	}
	for _, h := range r.hours {
		if m := index[h.StaffID]; m != nil {
			m.Hours[h.Weekday] = append(m.Hours[h.Weekday], availability.Range{From: salon.MinutesOf(h.Starts), To: salon.MinutesOf(h.Ends)})
		}
	}
	return out
}

// Week is when the member works: their own hours, or the salon's opening
// hours while they have none of their own. The public page, the agenda's grid
// and the agenda's form all read a member's hours through it.
func (m Member) Week(salonHours availability.Week) availability.Week {
	for _, day := range m.Hours {
		if len(day) > 0 {
			return m.Hours
		}
	}
	return salonHours
}

// Member returns one staff member.
func (t *Team) Member(ctx context.Context, salonID, id uuid.UUID) (Member, error) {
	members, err := t.Members(ctx, salonID)
	if err != nil {
		return Member{}, err
	}
	for _, m := range members {
		if m.ID == id {
			return m, nil
		}
	}
	return Member{}, fmt.Errorf("team: member: %w", apperr.ErrNotFound)
}

// MemberInput is a staff member as the salon gives them. Field errors are
// keyed by these field names, and a day's hours by salon.DayField (Days[2]).
type MemberInput struct {
	Name     string
	Color    int        // 1…Colors, the agenda's palette
	UserID   *uuid.UUID // nil: a staff member without a login
	Active   bool
	Services []uuid.UUID       // the salon's services they perform
	Days     availability.Week // their working hours; none: the salon's opening hours
}

// Check reports the input's problems, keyed by MemberInput's field names.
// Whether the services and the login are the salon's is known on saving.
func (in MemberInput) Check() error {
	_, err := in.parse()
	return err
}

type memberValues struct {
	name     string
	services []uuid.UUID
}

func (in MemberInput) parse() (memberValues, error) {
	f := salon.CheckWeek(in.Days)
	v := memberValues{name: strings.TrimSpace(in.Name)}
	if v.name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(v.name)) > 80 {
		f.Add("Name", "name.long_80")
	}
	if in.Color < 1 || in.Color > Colors {
		f.Add("Color", "field.choose")
	}
	// A service given twice is performed once.
	v.services = slices.Clone(in.Services)
	slices.SortFunc(v.services, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	v.services = slices.Compact(v.services)
	return v, f.Err()
}

// Save creates (id Nil) or updates a staff member, their services and hours,
// all in one unit of work.
func (t *Team) Save(ctx context.Context, salonID, id uuid.UUID, in MemberInput) (uuid.UUID, error) {
	v, err := in.parse()
	if err != nil {
		return uuid.Nil, err
	}
	err = t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if id == uuid.Nil {
			r, err := tx.StaffCreate(ctx, dbq.StaffCreateParams{TenantID: salonID, UserID: in.UserID, Name: v.name, Color: int16(in.Color)})
			if err != nil {
				return linkProblem(err)
			}
			id = r.ID
		} else {
			n, err := tx.StaffUpdate(ctx, dbq.StaffUpdateParams{TenantID: salonID, ID: id, UserID: in.UserID, Name: v.name,
				Color: int16(in.Color), Active: in.Active})
			if err != nil {
				return linkProblem(err)
			}
			if n == 0 {
				return apperr.ErrNotFound
			}
		}
		return saveServicesAndHours(ctx, tx, salonID, id, v.services, in.Days)
	})
	if err != nil {
		return uuid.Nil, fmt.Errorf("team: save member: %w", err)
	}
	return id, nil
}

func saveServicesAndHours(ctx context.Context, tx store.Tx, salonID, id uuid.UUID, services []uuid.UUID, week availability.Week) error {
	if err := tx.StaffServicesClear(ctx, dbq.StaffServicesClearParams{TenantID: salonID, StaffID: id}); err != nil {
		return err
	}
	for _, s := range services {
		if err := tx.StaffServiceAdd(ctx, dbq.StaffServiceAddParams{TenantID: salonID, StaffID: id, ServiceID: s}); err != nil {
			if store.IsForeignKeyViolation(err) {
				return apperr.Fields{"Services": "field.choose"}.Err() // another salon's, or gone
			}
			return err
		}
	}
	if err := tx.StaffHoursClear(ctx, dbq.StaffHoursClearParams{TenantID: salonID, StaffID: id}); err != nil {
		return err
	}
	for day, ranges := range week {
		for _, r := range ranges {
			if err := tx.StaffHoursInsert(ctx, dbq.StaffHoursInsertParams{TenantID: salonID, StaffID: id,
				Weekday: int16(day), Starts: salon.PGTime(r.From), Ends: salon.PGTime(r.To)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// linkProblem: a login that is not a member of this salon, or already linked
// to another staff member.
func linkProblem(err error) error {
	if store.IsForeignKeyViolation(err) {
		return apperr.Fields{"UserID": "field.choose"}.Err()
	}
	if store.IsUniqueViolation(err, "staff_members_user_idx") {
		return apperr.Fields{"UserID": "staff.user_linked"}.Err()
	}
	return err
}

// Absence is a span of days a staff member is away.
type Absence struct {
	ID        uuid.UUID
	StaffID   uuid.UUID
	StaffName string
	StartsOn  time.Time
	EndsOn    time.Time
	Reason    string
}

// Absences lists absences that have not ended before the given day.
func (t *Team) Absences(ctx context.Context, salonID uuid.UUID, since time.Time) ([]Absence, error) {
	var out []Absence
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = AbsencesTx(ctx, tx, salonID, since)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("team: absences: %w", err)
	}
	return out, nil
}

// AbsencesTx lists absences inside the caller's unit of work.
func AbsencesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID, since time.Time) ([]Absence, error) {
	return absences(ctx, tx.Queries, salonID, since)
}

// QueueAbsences is AbsencesTx as one read of a batch: *out is set when b is sent.
func QueueAbsences(ctx context.Context, b *store.Batch, salonID uuid.UUID, since time.Time, out *[]Absence) {
	b.Queue(func(q *dbq.Queries) (err error) {
		*out, err = absences(ctx, q, salonID, since)
		return err
	})
}

func absences(ctx context.Context, q *dbq.Queries, salonID uuid.UUID, since time.Time) ([]Absence, error) {
	rows, err := q.AbsenceList(ctx, dbq.AbsenceListParams{TenantID: salonID, Since: since})
	out := make([]Absence, 0, len(rows))
	for _, r := range rows {
		out = append(out, Absence{ID: r.ID, StaffID: r.StaffID, StaffName: r.StaffName, StartsOn: r.StartsOn, EndsOn: r.EndsOn, Reason: r.Reason})
	}
	return out, err
}

// AddAbsenceTx records a checked absence inside the caller's unit of work
// (the agenda's, which first looks at the visits it falls on).
func AddAbsenceTx(ctx context.Context, tx store.Tx, salonID, staffID uuid.UUID, from, to time.Time, reason string) error {
	_, err := tx.AbsenceCreate(ctx, dbq.AbsenceCreateParams{TenantID: salonID, StaffID: staffID, StartsOn: from, EndsOn: to, Reason: reason})
	if store.IsForeignKeyViolation(err) {
		return apperr.ErrNotFound
	}
	return err
}

// DeleteAbsence removes an absence of the salon.
func (t *Team) DeleteAbsence(ctx context.Context, salonID, id uuid.UUID) error {
	err := t.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.AbsenceDelete(ctx, dbq.AbsenceDeleteParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("team: delete absence: %w", err)
	}
	return nil
}
