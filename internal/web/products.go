package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/urls"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

// productForm is the product form as typed.
type productForm struct {
	Name  string `form:"name"`
	SKU   string `form:"sku"`
	Price string `form:"price" field:"PriceCents"`
	Stock string `form:"stock"`
	Rate  string `form:"vat_rate" field:"VATRateBP"`
}

// input parses the form; problems are keyed by the form's field names.
func (f productForm) input() (catalog.ProductInput, apperr.Fields) {
	errs := apperr.Fields{}
	in := catalog.ProductInput{Name: f.Name, SKU: f.SKU}
	in.PriceCents = centsField(errs, "price", f.Price, money.Price)
	if strings.TrimSpace(f.Stock) != "" {
		in.Stock = intField(errs, "stock", f.Stock)
	}
	in.VATRateBP = rateField(errs, "vat_rate", f.Rate)
	return in, errs
}

// saveProduct creates (id Nil) or updates a product from the posted form;
// on a refusal, ok is false and f holds the form to show again.
func (s *Server) saveProduct(c *fiber.Ctx, id uuid.UUID, f *ui.Form) (ok bool, err error) {
	var pf productForm
	if err := decodeForm(c, &pf); err != nil {
		return false, err
	}
	in, edge := pf.input()
	sal := currentSalon(c).ID
	err = submit(edge, in.Check, func() error { return s.Catalog.SaveProduct(ctx(c), sal, id, in) })
	if err != nil && !refusedForm(c, f, pf, err) {
		return false, err
	}
	return err == nil, nil
}

// productFormPage shows the new or edit form; p is nil for a new product.
func (s *Server) productFormPage(c *fiber.Ctx, p *catalog.Product, f ui.Form) error {
	v := settings.ProductFormView{Currency: currentSalon(c).Currency, CanManage: canSetUp(c)}
	if p != nil {
		v.ID, v.Name = p.ID.String(), p.Name
	}
	return s.render(c, settings.ProductFormPage(v, f), nil)
}

// currentProduct loads the :id product, still on sale, of this salon.
func (s *Server) currentProduct(c *fiber.Ctx) (catalog.Product, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return catalog.Product{}, err
	}
	return s.Catalog.Product(ctx(c), currentSalon(c).ID, id)
}

func (s *Server) handleProducts(c *fiber.Ctx) error {
	products, err := s.Catalog.Products(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	set, err := s.Till.Settings(ctx(c), currentSalon(c).ID)
	if err != nil {
		return err
	}
	v := settings.ProductsView{Products: products, Currency: currentSalon(c).Currency, CanManage: canSetUp(c), LowStock: int(set.LowStock)}
	return s.render(c, settings.ProductsPage(v), nil)
}

func (s *Server) handleProductNew(c *fiber.Ctx) error {
	return s.productFormPage(c, nil, formView(productForm{Stock: "0"}))
}

func (s *Server) handleProductCreate(c *fiber.Ctx) error {
	var f ui.Form
	if ok, err := s.saveProduct(c, uuid.Nil, &f); !ok {
		if err != nil {
			return err
		}
		return s.productFormPage(c, nil, f)
	}
	s.flash(c, "flash.product_created")
	return s.redirect(c, urls.Products())
}

func (s *Server) handleProductEdit(c *fiber.Ctx) error {
	p, err := s.currentProduct(c)
	if err != nil {
		return err
	}
	pf := productForm{Name: p.Name, SKU: p.SKU, Price: centsText(c, p.PriceCents), Stock: strconv.Itoa(p.Stock),
		Rate: strconv.Itoa(int(p.VATRateBP))}
	return s.productFormPage(c, &p, formView(pf))
}

func (s *Server) handleProductUpdate(c *fiber.Ctx) error {
	p, err := s.currentProduct(c)
	if err != nil {
		return err
	}
	var f ui.Form
	if ok, err := s.saveProduct(c, p.ID, &f); !ok {
		if err != nil {
			return err
		}
		return s.productFormPage(c, &p, f)
	}
	s.flash(c, "flash.product_saved")
	return s.redirect(c, urls.Products())
}

func (s *Server) handleProductArchive(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Catalog.ArchiveProduct(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.product_archived")
	return s.redirect(c, urls.Products())
}
