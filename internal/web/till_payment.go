package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/till"
	tillview "github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// paymentForm is a payment; a cheque brings what the cashier checked.
type paymentForm struct {
	Method     string `form:"method"`
	Amount     string `form:"amount" field:"AmountCents"`
	Reference  string `form:"reference"`
	IssuedOn   string `form:"cheque_date" field:"IssuedOn"`
	Signed     string `form:"cheque_signed" field:"SignaturePresent"`
	Bank       string `form:"cheque_bank" field:"Bank"`
	Number     string `form:"cheque_number" field:"Number"`
	IDType     string `form:"holder_id_type" field:"HolderIDType"`
	IDNumber   string `form:"holder_id_number" field:"HolderIDNumber"`
	IDIssuedOn string `form:"holder_id_issued_on" field:"HolderIDIssuedOn"`
	IDIssuedAt string `form:"holder_id_issued_at" field:"HolderIDIssuedAt"`
}

func (f paymentForm) input(today time.Time, actor uuid.UUID) (till.PaymentInput, apperr.Fields) {
	edge := apperr.Fields{}
	in := till.PaymentInput{Method: f.Method, Reference: f.Reference, Today: today, Actor: actor}
	in.AmountCents = centsField(edge, "amount", f.Amount, money.Entry)
	if f.Method == till.MethodCheque {
		in.Cheque.IssuedOn = dateField(edge, "cheque_date", f.IssuedOn)
		in.Cheque.HolderIDIssuedOn = dateField(edge, "holder_id_issued_on", f.IDIssuedOn)
		in.Cheque.SignaturePresent = f.Signed != ""
		in.Cheque.Bank, in.Cheque.Number = strings.TrimSpace(f.Bank), strings.TrimSpace(f.Number)
		in.Cheque.HolderIDType, in.Cheque.HolderIDNumber = f.IDType, strings.TrimSpace(f.IDNumber)
		in.Cheque.HolderIDIssuedAt = strings.TrimSpace(f.IDIssuedAt)
	}
	return in, edge
}

func putPay(v *tillview.TicketView, f ui.Form) { v.PayF = f }

func (s *Server) handleTicketPayment(c *fiber.Ctx) error {
	var pf paymentForm
	if err := decodeForm(c, &pf); err != nil {
		return err
	}
	sal := currentSalon(c)
	in, edge := pf.input(s.Till.Today(sal.Location()), member(c).UserID)
	return s.ticketChange(c, pf, edge, putPay, func(id uuid.UUID) error {
		return s.Till.AddPayment(ctx(c), sal.ID, id, in)
	})
}

func (s *Server) handleTicketPaymentRemove(c *fiber.Ctx) error {
	payment, err := pathID(c, "payment")
	if err != nil {
		return err
	}
	return s.ticketChange(c, paymentForm{}, nil, putPay, func(id uuid.UUID) error {
		return s.Till.RemovePayment(ctx(c), currentSalon(c).ID, id, payment)
	})
}
