package catalog

import (
	"context"
	"fmt"
	"strconv"
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
}

// ProductInput is the product form as typed.
type ProductInput struct {
	Name, SKU, Price, Stock string
}

func (in ProductInput) parse() (Product, error) {
	f := apperr.Fields{}
	p := Product{Name: strings.TrimSpace(in.Name), SKU: strings.TrimSpace(in.SKU)}
	if p.Name == "" {
		f.Add("name", "field.required")
	} else if len([]rune(p.Name)) > 120 {
		f.Add("name", "name.long")
	}
	var err error
	if p.PriceCents, err = money.ParseCents(in.Price); err != nil || p.PriceCents < 0 {
		f.Add("price", "amount.invalid")
	}
	if s := strings.TrimSpace(in.Stock); s != "" {
		if p.Stock, err = strconv.Atoi(s); err != nil || p.Stock < -100000 || p.Stock > 1000000 {
			f.Add("stock", "number.invalid")
		}
	}
	return p, f.Err()
}

// Products lists the salon's products.
func (c *Catalog) Products(ctx context.Context, salonID uuid.UUID) ([]Product, error) {
	var out []Product
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		rows, err := tx.ProductList(ctx, salonID)
		for _, r := range rows {
			out = append(out, Product{ID: r.ID, Name: r.Name, SKU: r.Sku, PriceCents: r.PriceCents, Stock: int(r.Stock)})
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
		out = Product{ID: r.ID, Name: r.Name, SKU: r.Sku, PriceCents: r.PriceCents, Stock: int(r.Stock)}
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
				PriceCents: p.PriceCents, Stock: int32(p.Stock)})
			return err
		}
		n, err := tx.ProductUpdate(ctx, dbq.ProductUpdateParams{TenantID: salonID, ID: id, Name: p.Name, Sku: p.SKU,
			PriceCents: p.PriceCents, Stock: int32(p.Stock)})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
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
