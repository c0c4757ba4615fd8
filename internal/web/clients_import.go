package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/secret"
	clientdata "github.com/carnet-salon/carnet/views/clients_data"
	"github.com/carnet-salon/carnet/views/ui"
)

// Importing clients happens in two requests: the file is read and checked,
// then imported with the columns as the user mapped them. Between the two
// the file waits in Redis under a key of the salon (t:{salon}:import:{token},
// one hour), never on disk: the multipart body stays in memory (Fiber keeps
// files up to 16 MB in memory; the body limit is 8 MB, the file's 5 MB).

const importTTL = time.Hour

var importTokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

func (s *Server) importKey(salonID uuid.UUID, token string) string {
	return s.cfg.RedisPrefix + "t:" + salonID.String() + ":import:" + token
}

// claimImport marks a kept file as being imported: 1 for the first request,
// 0 for any other, or once the file has expired (the key is not recreated
// without its expiry).
var claimImport = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'claimed', '1')`)

// stashImport keeps an uploaded file for the next step and returns its token.
func (s *Server) stashImport(rc context.Context, salonID uuid.UUID, name string, data []byte) (string, error) {
	token, _ := secret.NewToken()
	key := s.importKey(salonID, token)
	pipe := s.RedisFiles.TxPipeline()
	pipe.HSet(rc, key, "name", name, "data", data)
	pipe.Expire(rc, key, importTTL)
	if _, err := pipe.Exec(rc); err != nil {
		return "", fmt.Errorf("web: keep import file: %w", err)
	}
	return token, nil
}

// stashedImport reads a kept file back; ok is false once it has expired.
func (s *Server) stashedImport(rc context.Context, salonID uuid.UUID, token string) (string, []byte, bool, error) {
	if !importTokenRE.MatchString(token) {
		return "", nil, false, nil
	}
	v, err := s.RedisFiles.HMGet(rc, s.importKey(salonID, token), "name", "data").Result()
	if errors.Is(err, redis.Nil) || (err == nil && (v[0] == nil || v[1] == nil)) {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, fmt.Errorf("web: read import file: %w", err)
	}
	name, _ := v[0].(string)
	data, _ := v[1].(string)
	return name, []byte(data), true, nil
}

func (s *Server) handleClientImportForm(c *fiber.Ctx) error {
	return s.render(c, clientdata.ImportUploadPage(clientdata.ImportUploadView{F: ui.NewForm()}), nil)
}

func (s *Server) importUploadRefused(c *fiber.Ctx, key string) error {
	f := ui.NewForm()
	f.Errors["file"] = key
	c.Status(fiber.StatusUnprocessableEntity)
	return s.render(c, clientdata.ImportUploadPage(clientdata.ImportUploadView{F: f}), nil)
}

// handleClientImportUpload reads the file, keeps it, guesses the mapping
// from the headers and shows what checking every row found.
func (s *Server) handleClientImportUpload(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil || fh.Size == 0 {
		return s.importUploadRefused(c, "clientdata.import_no_file")
	}
	if fh.Size > customer.MaxImportBytes {
		return s.importUploadRefused(c, "clientdata.import_too_big")
	}
	fd, err := fh.Open()
	if err != nil {
		return err
	}
	defer fd.Close()
	data, err := io.ReadAll(io.LimitReader(fd, customer.MaxImportBytes+1))
	if err != nil {
		return err
	}
	file, err := customer.ReadCSV(data)
	if err != nil {
		if key := apperr.FieldsOf(err)["file"]; key != "" {
			return s.importUploadRefused(c, key)
		}
		return err
	}
	sal := currentSalon(c)
	token, err := s.stashImport(ctx(c), sal.ID, fh.Filename, data)
	if err != nil {
		return err
	}
	v := clientdata.ImportPreviewView{Token: token, FileName: fh.Filename, File: file, Mapping: customer.GuessMapping(file.Header),
		Currency: sal.Currency, Region: s.region(c), F: ui.NewForm()}
	return s.importPreview(c, v, false)
}

// importPreview checks (or imports) the file with the view's mapping and
// renders what came of it.
func (s *Server) importPreview(c *fiber.Ctx, v clientdata.ImportPreviewView, write bool) error {
	sal := currentSalon(c)
	in := customer.ImportInput{File: v.File, Mapping: v.Mapping, Region: s.region(c), Currency: sal.Currency,
		Today: s.Clock.Now().In(sal.Location()), Actor: member(c).UserID}
	var err error
	if write {
		// One import per file: a double click or a re-posted form finds the
		// file claimed and imports nothing twice.
		key := s.importKey(sal.ID, v.Token)
		claimed, cerr := claimImport.Run(ctx(c), s.Redis, []string{key}).Int()
		if cerr != nil {
			return apperr.New(apperr.Unavailable, "error.unavailable").WithCause(cerr)
		}
		if claimed == 0 {
			err := s.importUploadRefused(c, "clientdata.import.already")
			c.Status(fiber.StatusConflict)
			return err
		}
		if v.Report, err = s.Customers.Import(ctx(c), sal.ID, in); err != nil {
			_ = s.Redis.HDel(ctx(c), key, "claimed").Err() // nothing written: the corrected mapping may be tried
		}
	} else {
		v.Report, err = s.Customers.CheckImport(ctx(c), sal.ID, in)
	}
	if err != nil {
		e, ok := apperr.As(err)
		if !ok || e.Code != apperr.Invalid {
			return err
		}
		v.F.Error, v.F.Args = e.Key, e.Args
		if key := e.Fields["mapping"]; key != "" {
			v.F.Error, v.F.Args = key, nil
		}
		c.Status(fiber.StatusUnprocessableEntity)
	} else if write {
		// The file goes, the claim stays until the key expires: deleting the
		// key let a second request that had read the file before claim it
		// anew and import it twice.
		_ = s.Redis.HDel(ctx(c), s.importKey(sal.ID, v.Token), "name", "data").Err()
		return s.render(c, clientdata.ImportDonePage(clientdata.ImportDoneView{Report: v.Report}), nil)
	}
	return s.render(c, clientdata.ImportPreviewPage(v), nil)
}

// handleClientImportConfirm re-checks the kept file with the mapping chosen
// ("check") or imports it ("import"): every row, or none if any is wrong.
func (s *Server) handleClientImportConfirm(c *fiber.Ctx) error {
	sal := currentSalon(c)
	token := c.FormValue("token")
	name, data, ok, err := s.stashedImport(ctx(c), sal.ID, token)
	if err != nil {
		return err
	}
	if !ok {
		return s.importUploadRefused(c, "clientdata.import.expired")
	}
	file, err := customer.ReadCSV(data)
	if err != nil {
		return err // it was read once already
	}
	m := make(customer.Mapping, len(file.Header))
	for i := range m {
		m[i] = c.FormValue("map_" + strconv.Itoa(i))
	}
	v := clientdata.ImportPreviewView{Token: token, FileName: name, File: file, Mapping: m, Currency: sal.Currency, Region: s.region(c),
		F: ui.NewForm()}
	return s.importPreview(c, v, c.FormValue("action") == "import")
}
