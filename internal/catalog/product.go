package catalog

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/money"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Product is a retail product the salon sells at the till.
type Product struct {
	ID         uuid.UUID
	Name       string
	SKU        string
	PriceCents int64
	Stock      int
	VATRateBP  int32 // included in the price
}

// ProductInput is a product as the salon gives it. Field errors are keyed by
// these field names.
type ProductInput struct {
	Name, SKU  string
	PriceCents int64
	Stock      int
	VATRateBP  *int32 // one of VATRates; nil: 20 % for a new product, unchanged for an edit
}

// Check reports the input's problems, keyed by ProductInput's field names.
func (in ProductInput) Check() error {
	_, err := in.parse()
	return err
}

func (in ProductInput) parse() (Product, error) {
	f := apperr.Fields{}
	p := Product{Name: strings.TrimSpace(in.Name), SKU: strings.TrimSpace(in.SKU), PriceCents: in.PriceCents, Stock: in.Stock}
	if p.Name == "" {
		f.Add("Name", "field.required")
	} else if len([]rune(p.Name)) > 120 {
		f.Add("Name", "name.long")
	}
	if problem := money.Price.Check(in.PriceCents); problem != "" {
		f.Add("PriceCents", problem)
	}
	if p.Stock < -100000 || p.Stock > 1000000 {
		f.Add("Stock", "stock.range")
	}
	checkRate(f, "VATRateBP", in.VATRateBP)
	return p, f.Err()
}

// Products lists the salon's products.
func (c *Catalog) Products(ctx context.Context, salonID uuid.UUID) ([]Product, error) {
	var out []Product
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.ProductList(ctx, salonID)
		for _, r := range rows {
			out = append(out, Product{ID: r.ID, Name: r.Name, SKU: r.Sku, PriceCents: r.PriceCents, Stock: int(r.Stock), VATRateBP: r.VatRateBp})
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("catalog: products: %w", err)
	}
	return out, nil
}

// Product returns one product.
func (c *Catalog) Product(ctx context.Context, salonID, id uuid.UUID) (Product, error) {
	var out Product
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		r, err := tx.ProductGet(ctx, dbq.ProductGetParams{TenantID: salonID, ID: id})
		out = Product{ID: r.ID, Name: r.Name, SKU: r.Sku, PriceCents: r.PriceCents, Stock: int(r.Stock), VATRateBP: r.VatRateBp}
		return err
	})
	if err != nil {
		return Product{}, fmt.Errorf("catalog: product: %w", err)
	}
	return out, nil
}

// SaveProduct creates (id Nil) or updates a product.
func (c *Catalog) SaveProduct(ctx context.Context, salonID, id uuid.UUID, in ProductInput) error {
	p, err := in.parse()
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		if id == uuid.Nil {
			_, err := tx.ProductCreate(ctx, dbq.ProductCreateParams{TenantID: salonID, Name: p.Name, Sku: p.SKU,
				PriceCents: p.PriceCents, Stock: int32(p.Stock), VatRateBp: in.VATRateBP})
			return err
		}
		before, err := tx.ProductGet(ctx, dbq.ProductGetParams{TenantID: salonID, ID: id})
		if err != nil {
			return err
		}
		n, err := tx.ProductUpdate(ctx, dbq.ProductUpdateParams{TenantID: salonID, ID: id, Name: p.Name, Sku: p.SKU,
			PriceCents: p.PriceCents, Stock: int32(p.Stock), VatRateBp: in.VATRateBP})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		if err != nil {
			return err
		}
		return c.priceChanged(ctx, tx, salonID, ItemProduct, id, before.PriceCents, p.PriceCents)
	})
	if err != nil {
		return fmt.Errorf("catalog: save product: %w", err)
	}
	return nil
}

// ArchiveProduct takes a product off the shelf.
func (c *Catalog) ArchiveProduct(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.ProductArchive(ctx, dbq.ProductArchiveParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("catalog: archive product: %w", err)
	}
	return nil
}
