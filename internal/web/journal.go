package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/till"
	"github.com/carnet-salon/carnet/views/ui"
)

// archiveForm is the period of an archive export, as dates in the salon's
// zone, both days included.
type archiveForm struct {
	From string `form:"from"`
	To   string `form:"to"`
}

// handleJournal shows the journal's public key, the registers and their closures.
func (s *Server) handleJournal(c *fiber.Ctx) error {
	sal := currentSalon(c)
	today := s.Clock.Now().In(sal.Location())
	f := formView(archiveForm{From: today.AddDate(0, -1, 0).Format(time.DateOnly), To: today.Format(time.DateOnly)})
	return s.renderJournal(c, f)
}

func (s *Server) renderJournal(c *fiber.Ctx, f ui.Form) error {
	sal := currentSalon(c)
	o, err := s.Journal.Overview(ctx(c), sal.ID)
	if err != nil {
		return err
	}
	return s.render(c, till.JournalPage(till.JournalView{Overview: o, Zone: sal.Location(), Currency: sal.Currency, Form: f}), nil)
}

// handleJournalClose runs the register's day closure (Z) now.
func (s *Server) handleJournalClose(c *fiber.Ctx) error {
	register, err := pathID(c, "register")
	if err != nil {
		return err
	}
	sal := currentSalon(c)
	if _, err := s.Journal.CloseToday(ctx(c), sal.ID, register, sal.Location()); err != nil {
		return err
	}
	s.flash(c, "flash.journal_closed")
	return s.redirect(c, urls.TillJournal())
}

// handleJournalArchive sends the signed archive of one register (or all)
// for the period, as a zip file.
func (s *Server) handleJournalArchive(c *fiber.Ctx) error {
	var registers []uuid.UUID
	if c.Params("register") != "" {
		register, err := pathID(c, "register")
		if err != nil {
			return err
		}
		registers = []uuid.UUID{register}
	}
	var in archiveForm
	if err := decodeForm(c, &in); err != nil {
		return err
	}
	loc := currentSalon(c).Location()
	edge := apperr.Fields{}
	from, err := time.ParseInLocation(time.DateOnly, in.From, loc)
	if err != nil {
		edge.Add("from", "journal.archive.date")
	}
	to, err := time.ParseInLocation(time.DateOnly, in.To, loc)
	if err != nil {
		edge.Add("to", "journal.archive.date")
	}
	var zip []byte
	err = submit(edge, func() error { return nil }, func() error {
		var err error
		zip, err = s.Journal.Export(ctx(c), currentSalon(c).ID, registers, from, to.AddDate(0, 0, 1))
		return err
	})
	var f ui.Form
	if refusedForm(c, &f, in, err) {
		return s.renderJournal(c, f)
	}
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/zip")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="journal-`+in.From+`-`+in.To+`.zip"`)
	return c.Send(zip)
}
