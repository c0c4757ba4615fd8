package web

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/account"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/clients"
	"github.com/carnet-salon/carnet/views/ui"
)

func (s *Server) region(c *fiber.Ctx) string { return currentSalon(c).Country }

func (s *Server) handleClients(c *fiber.Ctx) error {
	sal := currentSalon(c)
	page, _ := strconv.Atoi(c.Query("page"))
	cat, _ := uuid.Parse(c.Query("category"))
	q := customer.ListQuery{Search: c.Query("q"), CategoryID: cat, Owes: c.Query("owes") != "", Sort: c.Query("sort"), Page: page}
	list, err := s.Customers.List(ctx(c), sal.ID, q)
	if err != nil {
		return err
	}
	cats, err := s.Customers.Categories(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	v := clients.ListView{Q: q, Page: list, Categories: cats, Currency: sal.Currency, Region: s.region(c)}
	return s.render(c, clients.ListPage(v), clients.Results(v))
}

// bindClient decodes and parses the posted client form; the input is only
// meaningful when err is nil.
func (s *Server) bindClient(c *fiber.Ctx) (ui.Form, customer.RecordInput, error) {
	var typed clientForm
	if err := decodeForm(c, &typed); err != nil {
		return ui.Form{}, customer.RecordInput{}, err
	}
	in, err := typed.input(s.region(c), s.setupToday(c))
	return formView(typed), in, err
}

func (s *Server) clientForm(c *fiber.Ctx, f ui.Form, id string, dups []customer.Customer) error {
	cats, err := s.Customers.Categories(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	return s.render(c, clients.FormPage(clients.FormView{F: f, ID: id, Categories: cats, Duplicates: dups, Region: s.region(c)}), nil)
}

func (s *Server) handleClientNew(c *fiber.Ctx) error {
	f := ui.NewForm()
	for _, k := range []string{"email_transactional", "sms_transactional"} {
		f.Values[k] = "1" // transactional messages on by default; marketing needs consent
	}
	f.Values["payment_mode"] = "default"
	f.Values["lang"] = currentSalon(c).Locale // a client the salon creates speaks its language, until told otherwise
	cats, err := s.Customers.Categories(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	for _, cat := range cats {
		if cat.Default {
			f.Values["category_id"] = cat.ID.String()
		}
	}
	f.Values["last_name"], f.Values["phone"] = c.Query("last_name"), c.Query("phone")
	return s.clientForm(c, f, "", nil)
}

func (s *Server) handleClientCreate(c *fiber.Ctx) error {
	f, in, err := s.bindClient(c)
	var id uuid.UUID
	if err == nil {
		id, err = s.Customers.Create(ctx(c), currentSalon(c).ID, in)
	}
	var dups *customer.ErrDuplicates
	if errors.As(err, &dups) {
		c.Status(fiber.StatusConflict)
		return s.clientForm(c, f, "", dups.Records)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.clientForm(c, f, "", nil)
	}
	s.flash(c, "flash.client_created")
	return s.redirect(c, urls.Client(id))
}

// record loads a client of the salon; a merged one leads to the record kept.
func (s *Server) record(c *fiber.Ctx) (customer.Record, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return customer.Record{}, err
	}
	return s.Customers.Get(ctx(c), currentSalon(c).ID, id)
}

func (s *Server) handleClient(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	if rec.MergedInto != nil {
		return s.redirect(c, urls.Client(*rec.MergedInto))
	}
	return s.renderRecord(c, rec, ui.NewForm())
}

func (s *Server) renderRecord(c *fiber.Ctx, rec customer.Record, ledgerForm ui.Form) error {
	sal := currentSalon(c)
	v := clients.RecordView{Rec: rec, LedgerF: ledgerForm, Currency: sal.Currency, Region: s.region(c), Now: s.Clock.Now(),
		CanManage: account.CanManageTeam(member(c).Role), Lang: i18n.LangFrom(ctx(c)), Zone: sal.Location()}
	var err error
	if v.Consents, err = s.Customers.Consents(ctx(c), sal.ID, rec.ID); err != nil {
		return err
	}
	if v.Ledger, _, err = s.Customers.Ledger(ctx(c), sal.ID, rec.ID); err != nil {
		return err
	}
	if v.Receipts, err = s.Till.ReceiptsOfCustomer(ctx(c), sal.ID, rec.ID); err != nil {
		return err
	}
	if v.TopProducts, err = s.Till.TopProducts(ctx(c), sal.ID, rec.ID); err != nil {
		return err
	}
	if v.History, err = s.Customers.Visits(ctx(c), sal.ID, rec.ID, sal.Location(), s.Clock.Now()); err != nil {
		return err
	}
	if v.Sheets, err = s.Customers.Sheets(ctx(c), sal.ID, rec.ID); err != nil {
		return err
	}
	if v.Messages, err = s.messagesPanel(c, rec); err != nil {
		return err
	}
	return s.render(c, clients.RecordPage(v), nil)
}

func (s *Server) handleClientEdit(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	set := func(k, v string) { f.Values[k] = v }
	set("first_name", rec.FirstName)
	set("last_name", rec.LastName)
	set("email", rec.Email)
	set("phone", customer.FormatPhone(rec.Phone, s.region(c)))
	set("gender", rec.Gender)
	set("lang", rec.Lang)
	if rec.BirthDate != nil {
		set("birth_date", rec.BirthDate.Format("2006-01-02"))
	}
	set("address", rec.Address)
	set("postal_code", rec.PostalCode)
	set("city", rec.City)
	set("note", rec.Note)
	set("payment_mode", rec.PaymentMode)
	if rec.CategoryID != nil {
		set("category_id", rec.CategoryID.String())
	}
	for k, on := range map[string]bool{"email_transactional": rec.EmailTransactional, "email_marketing": rec.EmailMarketing,
		"sms_transactional": rec.SMSTransactional, "sms_marketing": rec.SMSMarketing} {
		if on {
			set(k, "1")
		}
	}
	return s.clientForm(c, f, rec.ID.String(), nil)
}

func (s *Server) handleClientUpdate(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	f, in, err := s.bindClient(c)
	if err == nil {
		err = s.Customers.Update(ctx(c), currentSalon(c).ID, rec.ID, in)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.clientForm(c, f, rec.ID.String(), nil)
	}
	s.flash(c, "flash.client_saved")
	return s.redirect(c, urls.Client(rec.ID))
}

func (s *Server) handleLedgerAdd(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	var typed entryForm
	if err := decodeForm(c, &typed); err != nil {
		return err
	}
	f, sal := formView(typed), currentSalon(c)
	in, err := typed.input()
	if err == nil {
		err = s.Customers.AddEntry(ctx(c), sal.ID, rec.ID, member(c).UserID, sal.Currency, in)
	}
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.renderRecord(c, rec, f)
	}
	s.flash(c, "flash.ledger_added")
	return s.redirect(c, urls.Client(rec.ID)+"#account")
}
