package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/contact"
	"github.com/carnet-salon/carnet/internal/till"
	"github.com/carnet-salon/carnet/internal/urls"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// receiptEmailForm sends a receipt by email; receiptSMSForm, its link by SMS.
type receiptEmailForm struct {
	Email string `form:"email" field:"To"`
}

type receiptSMSForm struct {
	Phone string `form:"phone" field:"To"`
}

// fillHandOver adds to a receipt page what handing it over needs: the
// counts, the journal key's fingerprint, and the client's email and phone
// (forms that came back refused keep what was typed).
func (s *Server) fillHandOver(c *fiber.Ctx, v *tillview.ReceiptView) error {
	sal := currentSalon(c)
	var err error
	if v.Prints, v.Sends, err = s.Till.Issues(ctx(c), sal.ID, v.T.ID); err != nil {
		return err
	}
	v.KeyID = s.Journal.Key.ID()
	if v.Sent == "" {
		v.Sent = sentParam(c.Query("sent"))
	}
	var ef receiptEmailForm
	var sf receiptSMSForm
	if v.T.CustomerID != uuid.Nil && (v.EmailF.Values == nil || v.SMSF.Values == nil) {
		rec, err := s.Customers.Get(ctx(c), sal.ID, v.T.CustomerID)
		if err != nil && !errors.Is(err, apperr.ErrNotFound) {
			return err
		}
		ef.Email, sf.Phone = rec.Email, contact.FormatPhone(rec.Phone, sal.Country)
	}
	if v.EmailF.Values == nil {
		v.EmailF = formView(ef)
	}
	if v.SMSF.Values == nil {
		v.SMSF = formView(sf)
	}
	return nil
}

// sentParam keeps only the channels the confirmation knows.
func sentParam(q string) string {
	if q == till.ChannelEmail || q == till.ChannelSMS {
		return q
	}
	return ""
}

// handleReceiptPrint records a print (the first is the original, later ones
// duplicatas signed into the journal) and answers the page ready to print,
// which opens the browser's print dialog itself.
func (s *Server) handleReceiptPrint(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	issue, err := s.Till.IssueReceipt(ctx(c), currentSalon(c).ID, id, member(c).UserID, till.ChannelPrint)
	if err != nil {
		return err
	}
	return s.receiptPage(c, id, tillview.ReceiptView{Duplicata: issue.Duplicata, AutoPrint: true})
}

// handleReceiptSend sends the receipt by email or its link by SMS.
func (s *Server) handleReceiptSend(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	sal := currentSalon(c)
	in := till.SendInput{Region: sal.Country, Actor: member(c).UserID, Currency: sal.Currency, Zone: sal.Location()}
	var ef receiptEmailForm
	var sf receiptSMSForm
	var src any
	switch c.Params("channel") {
	case till.ChannelEmail:
		err, src = decodeForm(c, &ef), ef
		in.Channel, in.To = till.ChannelEmail, ef.Email
	case till.ChannelSMS:
		err, src = decodeForm(c, &sf), sf
		in.Channel, in.To = till.ChannelSMS, sf.Phone
	default:
		return apperr.ErrNotFound
	}
	if err != nil {
		return err
	}
	if _, err := s.Till.SendReceipt(ctx(c), sal.ID, id, in); err != nil {
		var f ui.Form
		if !refusedForm(c, &f, src, err) {
			return err
		}
		v := tillview.ReceiptView{}
		if in.Channel == till.ChannelEmail {
			v.EmailF = f
		} else {
			v.SMSF = f
		}
		return s.receiptPage(c, id, v)
	}
	return s.redirect(c, urls.TillReceipt(id)+"?sent="+in.Channel)
}

// handlePublicReceipt shows a receipt to whoever holds its signed link.
func (s *Server) handlePublicReceipt(c *fiber.Ctx) error {
	r, err := s.Till.PublicReceipt(ctx(c), c.Params("token"))
	if err != nil {
		return err
	}
	sal, err := s.Salons.Get(ctx(c), r.SalonID)
	if err != nil {
		return err
	}
	v := tillview.ReceiptView{T: r.Ticket, Settings: r.Settings, Currency: sal.Currency, Location: sal.Location(), KeyID: s.Journal.Key.ID()}
	return s.render(c, tillview.PublicReceiptPage(v), nil)
}

// byReceipt counts the sendings of one receipt, whatever the address.
func byReceipt(c *fiber.Ctx) string { return "receipt:" + c.Params("id") }
