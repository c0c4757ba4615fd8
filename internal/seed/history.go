package seed

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/agenda"
	"github.com/carnet-salon/carnet/internal/message"
)

type entry struct {
	customer    int
	amount      int64
	reason      string
	note        string
	appointment uuid.UUID // uuid.Nil: none
	at          time.Time
}

type sheet struct {
	customer, visit int
	title           string
	products        string
	settings        string
	reactions       string
	at              time.Time
}

type sent struct {
	customer, visit int
	channel, kind   string
	to              string
	subject, body   string
	at              time.Time
}

// history adds what a year of visits leaves behind: no-show fees (half of
// them paid since), a few credits, technical sheets written at visits, the
// confirmations and reminders sent.
func (s *salon) history(r *rand.Rand, y year) {
	for k, c := range s.customers {
		if r.IntN(100) < 3 {
			s.ledger = append(s.ledger, entry{customer: k, amount: int64(500 * (2 + r.IntN(9))), reason: "manual",
				note: "Geste commercial", at: c.created.Add(time.Hour)})
		}
	}
	for k, v := range s.visits {
		c := s.customers[v.customer]
		if v.status == agenda.StatusNoShow && r.IntN(100) < 40 {
			fee := min(v.lines[0].price, 2000)
			at := v.busy.Add(time.Hour)
			s.ledger = append(s.ledger, entry{customer: v.customer, amount: -fee, reason: "no_show_fee", appointment: v.id, at: at})
			if paid := at.AddDate(0, 0, 1+r.IntN(20)); paid.Before(y.now) && r.IntN(2) == 0 {
				s.ledger = append(s.ledger, entry{customer: v.customer, amount: fee, reason: "payment", note: "Réglé au salon", at: paid})
			}
		}
		if v.status == agenda.StatusDone {
			if sv := s.services[v.lines[0].service]; sv.technics && r.IntN(100) < 25 {
				s.sheets = append(s.sheets, sheet{customer: v.customer, visit: k, title: sv.name, products: pick(r, sheetProducts),
					settings: pick(r, sheetSettings), reactions: pick(r, sheetReactions), at: v.busy})
			}
		}
		when := v.start.In(y.loc).Format("02/01 à 15h04")
		if r.IntN(100) < 30 {
			s.messages = append(s.messages, s.note(k, c, message.KindConfirmation, c.email != "",
				"Votre rendez-vous du "+when+" est confirmé", v.created))
		}
		if v.reminded {
			s.messages = append(s.messages, s.note(k, c, message.KindReminder, c.phone == "",
				"Rappel : votre rendez-vous du "+when, v.start.Add(-24*time.Hour)))
		}
	}
}

// note writes one message to the client, by email when asked for (and
// possible), else by SMS.
func (s *salon) note(visit int, c client, kind string, byEmail bool, subject string, at time.Time) sent {
	m := sent{customer: s.visits[visit].customer, visit: visit, kind: kind, at: at}
	if byEmail && c.email != "" || c.phone == "" {
		m.channel, m.to, m.subject = "email", c.email, subject
		m.body = fmt.Sprintf("Bonjour %s,\n\n%s.\n\n%s\n%s\n%s", c.first, subject, s.name, s.addr, s.phone)
		return m
	}
	m.channel, m.to = "sms", c.phone
	m.body = fmt.Sprintf("%s : %s. Pour annuler, appelez le %s.", s.name, subject, s.phone)
	return m
}
