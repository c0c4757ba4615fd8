package web

import (
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/messages"
	"github.com/carnet-salon/carnet/views/ui"
)

// historyLimit is how many messages the client record shows.
const historyLimit = 100

// clientMessages is the client record's messages part: the history and the
// form to write to the client, starting from the salon's manual template.
func (s *Server) clientMessages(c *fiber.Ctx, customerID uuid.UUID) (templ.Component, error) {
	salonID := currentSalon(c).ID
	items, err := s.Messages.History(ctx(c), salonID, customerID, historyLimit)
	if err != nil {
		return nil, err
	}
	text, err := s.Messages.ManualText(ctx(c), salonID, customerID, message.Email)
	if err != nil {
		return nil, err
	}
	f := ui.NewForm()
	f.Values["channel"], f.Values["purpose"], f.Values["subject"], f.Values["body"] = message.Email, message.Transactional, text.Subject, text.Body
	return messages.Panel(customerID.String(), items, f), nil
}

// messageForm is the form of a message written on a client's record, as
// typed; its fields are message.Manual's.
type messageForm struct {
	Channel string `form:"channel"`
	Purpose string `form:"purpose"`
	Subject string `form:"subject"`
	Body    string `form:"body"`
}

// handleClientMessage sends a client the message a staff member wrote on
// their record, then goes back to the record.
func (s *Server) handleClientMessage(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var typed messageForm
	if err := decodeForm(c, &typed); err != nil {
		return err
	}
	f := formView(typed)
	err = s.refuseUnverifiedOffer(c, typed.Purpose)
	if err == nil {
		err = s.Messages.Write(ctx(c), currentSalon(c).ID, id, member(c).UserID, message.Manual(typed))
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		rec, gerr := s.Customers.Get(ctx(c), currentSalon(c).ID, id)
		if gerr != nil {
			return gerr
		}
		return s.render(c, messages.WritePage(rec.Name(), id.String(), f), messages.WriteForm(id.String(), f))
	}
	s.flash(c, "flash.message_queued")
	return s.redirect(c, urls.Client(id)+"#messages")
}
