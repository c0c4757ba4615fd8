package web

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/urls"
	clientdata "github.com/carnet-salon/carnet/views/clients_data"
	"github.com/carnet-salon/carnet/views/ui"
)

// handleClientExport downloads everything the salon holds about a client,
// as JSON (GDPR access and portability).
func (s *Server) handleClientExport(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	if rec.MergedInto != nil {
		return s.redirect(c, urls.ClientExport(*rec.MergedInto))
	}
	sal, now := currentSalon(c), s.Clock.Now()
	e, err := s.Customers.Export(ctx(c), sal.ID, rec.ID, sal.Name, sal.Currency, now)
	if err != nil {
		return err
	}
	body, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	name := "client-" + fileSlug(rec.Name()) + "-" + now.In(sal.Location()).Format(time.DateOnly) + ".json"
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(body)
}

// fileSlug makes a name safe in a file name: "Léa Martin" is "lea-martin".
func fileSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range customer.SearchKey(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	if s := strings.TrimSuffix(b.String(), "-"); s != "" {
		return s
	}
	return "client"
}

func (s *Server) erasePage(c *fiber.Ctx, id uuid.UUID, f ui.Form) error {
	sal := currentSalon(c)
	p, err := s.Customers.ErasePreview(ctx(c), sal.ID, id)
	if err != nil {
		return err
	}
	return s.render(c, clientdata.ErasePage(clientdata.EraseView{Rec: p.Record, F: f, Counts: p.Counts, Merged: p.Merged,
		Currency: sal.Currency}), nil)
}

func (s *Server) handleClientEraseForm(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	if rec.MergedInto != nil {
		return s.redirect(c, urls.ClientErase(*rec.MergedInto))
	}
	return s.erasePage(c, rec.ID, ui.NewForm())
}

// handleClientErase anonymises the client once their name is typed again.
func (s *Server) handleClientErase(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	sal := currentSalon(c)
	f := formFrom(c, "confirm_name")
	label := i18n.Tr(i18n.Lang(sal.Locale), "clientdata.erased_name")
	err = s.Customers.Erase(ctx(c), sal.ID, rec.ID, label, s.Clock.Now(), customer.EraseInput{ConfirmName: f.Get("confirm_name")})
	if err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.erasePage(c, rec.ID, f)
	}
	s.log.InfoContext(ctx(c), "client erased", "client_id", rec.ID, "by", member(c).UserID)
	s.flash(c, "flash.client_erased")
	return s.redirect(c, urls.Client(rec.ID))
}

// handleClientMerge picks the record to merge with (no "with") or compares
// the two before merging.
func (s *Server) handleClientMerge(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	if rec.MergedInto != nil {
		return s.redirect(c, urls.ClientMerge(*rec.MergedInto))
	}
	if c.Query("with") == "" {
		return s.mergePick(c, rec.ID, ui.NewForm())
	}
	other, err := uuid.Parse(c.Query("with"))
	if err != nil {
		return apperr.ErrNotFound
	}
	sal := currentSalon(c)
	p, err := s.Customers.MergePreview(ctx(c), sal.ID, rec.ID, other)
	if err != nil {
		if f := ui.NewForm(); refused(c, &f, err) {
			return s.mergePick(c, rec.ID, f)
		}
		return err
	}
	return s.render(c, clientdata.MergePage(clientdata.MergeView{P: p, Region: s.region(c), Currency: sal.Currency}), nil)
}

func (s *Server) mergePick(c *fiber.Ctx, id uuid.UUID, f ui.Form) error {
	rec, err := s.Customers.Get(ctx(c), currentSalon(c).ID, id)
	if err != nil {
		return err
	}
	// On arrival, the records with the same name are the likely duplicates.
	q := c.Query("q")
	if !c.Request().URI().QueryArgs().Has("q") {
		q = rec.LastName
	}
	rec, list, err := s.Customers.MergeCandidates(ctx(c), currentSalon(c).ID, id, q)
	if err != nil {
		return err
	}
	v := clientdata.MergePickView{Rec: rec, Q: q, Candidates: list, Same: map[string]bool{}, F: f, Region: s.region(c)}
	for _, x := range list {
		v.Same[x.ID.String()] = (rec.Email != "" && strings.EqualFold(x.Email, rec.Email)) || (rec.Phone != "" && x.Phone == rec.Phone)
	}
	return s.render(c, clientdata.MergePickPage(v), nil)
}

// handleClientMergeSubmit merges the record "with" into the one of the URL.
func (s *Server) handleClientMergeSubmit(c *fiber.Ctx) error {
	rec, err := s.record(c)
	if err != nil {
		return err
	}
	other, err := uuid.Parse(c.FormValue("with"))
	if err != nil {
		return apperr.ErrNotFound
	}
	sal := currentSalon(c)
	if err := s.Customers.Merge(ctx(c), sal.ID, rec.ID, other, member(c).UserID, sal.Currency); err != nil {
		if f := ui.NewForm(); refused(c, &f, err) && rec.MergedInto == nil {
			return s.mergePick(c, rec.ID, f)
		}
		return err
	}
	s.log.InfoContext(ctx(c), "clients merged", "kept", rec.ID, "merged", other, "by", member(c).UserID)
	s.flash(c, "flash.clients_merged")
	return s.redirect(c, urls.Client(rec.ID))
}
