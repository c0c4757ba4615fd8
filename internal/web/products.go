package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/catalog"
	"github.com/carnet-salon/carnet/internal/i18n"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/views/settings"
	"github.com/carnet-salon/carnet/views/ui"
)

var productFields = []string{"name", "sku", "price", "stock"}

func productInput(f ui.Form) catalog.ProductInput {
	return catalog.ProductInput{Name: f.Get("name"), SKU: f.Get("sku"), Price: f.Get("price"), Stock: f.Get("stock")}
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
	id, err := setupID(c)
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
	v := settings.ProductsView{Products: products, Currency: currentSalon(c).Currency, CanManage: canSetUp(c)}
	return s.render(c, settings.ProductsPage(v), nil)
}

func (s *Server) handleProductNew(c *fiber.Ctx) error {
	f := ui.NewForm()
	f.Values["stock"] = "0"
	return s.productFormPage(c, nil, f)
}

func (s *Server) handleProductCreate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	f := formFrom(c, productFields...)
	if err := s.Catalog.SaveProduct(ctx(c), currentSalon(c).ID, uuid.Nil, productInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.productFormPage(c, nil, f)
	}
	s.flash(c, "flash.product_created")
	return s.redirect(c, "/app/products")
}

func (s *Server) handleProductEdit(c *fiber.Ctx) error {
	p, err := s.currentProduct(c)
	if err != nil {
		return err
	}
	f := ui.NewForm()
	f.Values["name"], f.Values["sku"], f.Values["stock"] = p.Name, p.SKU, strconv.Itoa(p.Stock)
	f.Values["price"] = money.New(p.PriceCents, currentSalon(c).Currency).Plain(i18n.LangFrom(ctx(c)))
	return s.productFormPage(c, &p, f)
}

func (s *Server) handleProductUpdate(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	p, err := s.currentProduct(c)
	if err != nil {
		return err
	}
	f := formFrom(c, productFields...)
	if err := s.Catalog.SaveProduct(ctx(c), currentSalon(c).ID, p.ID, productInput(f)); err != nil {
		if !refused(c, &f, err) {
			return err
		}
		return s.productFormPage(c, &p, f)
	}
	s.flash(c, "flash.product_saved")
	return s.redirect(c, "/app/products")
}

func (s *Server) handleProductArchive(c *fiber.Ctx) error {
	if err := requireSetUp(c); err != nil {
		return err
	}
	id, err := setupID(c)
	if err != nil {
		return err
	}
	if err := s.Catalog.ArchiveProduct(ctx(c), currentSalon(c).ID, id); err != nil {
		return err
	}
	s.flash(c, "flash.product_archived")
	return s.redirect(c, "/app/products")
}
