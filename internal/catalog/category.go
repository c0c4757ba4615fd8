package catalog

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/carnet-salon/carnet/internal/apperr"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/store/dbq"
)

// Category groups services on the menu ("Visage", "Épilation"…).
type Category struct {
	ID   uuid.UUID
	Name string
}

// Categories lists the salon's categories in menu order.
func (c *Catalog) Categories(ctx context.Context, salonID uuid.UUID) ([]Category, error) {
	var out []Category
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		var err error
		out, err = CategoriesTx(ctx, tx, salonID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("catalog: categories: %w", err)
	}
	return out, nil
}

// CategoriesTx lists categories inside the caller's unit of work.
func CategoriesTx(ctx context.Context, tx store.Tx, salonID uuid.UUID) ([]Category, error) {
	return categories(ctx, tx.Queries, salonID)
}

// QueueCategories is CategoriesTx as one read of a batch: *out is set when b is sent.
func QueueCategories(ctx context.Context, b *store.Batch, salonID uuid.UUID, out *[]Category) {
	b.Queue(func(q *dbq.Queries) (err error) {
		*out, err = categories(ctx, q, salonID)
		return err
	})
}

func categories(ctx context.Context, q *dbq.Queries, salonID uuid.UUID) ([]Category, error) {
	rows, err := q.CategoryList(ctx, salonID)
	out := make([]Category, 0, len(rows))
	for _, r := range rows {
		out = append(out, Category{ID: r.ID, Name: r.Name})
	}
	return out, err
}

func checkCategoryName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", apperr.Fields{"name": "field.required"}.Err()
	case len([]rune(name)) > 80:
		return "", apperr.Fields{"name": "name.long_80"}.Err()
	}
	return name, nil
}

// CreateCategory adds a category.
func (c *Catalog) CreateCategory(ctx context.Context, salonID uuid.UUID, name string) error {
	name, err := checkCategoryName(name)
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		_, err := tx.CategoryCreate(ctx, dbq.CategoryCreateParams{TenantID: salonID, Name: name})
		if store.IsUniqueViolation(err, "") {
			return apperr.Fields{"name": "category.exists"}.Err()
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("catalog: create category: %w", err)
	}
	return nil
}

// RenameCategory changes a category's name.
func (c *Catalog) RenameCategory(ctx context.Context, salonID, id uuid.UUID, name string) error {
	name, err := checkCategoryName(name)
	if err != nil {
		return err
	}
	err = c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.CategoryRename(ctx, dbq.CategoryRenameParams{TenantID: salonID, ID: id, Name: name})
		if store.IsUniqueViolation(err, "") {
			return apperr.Fields{"name": "category.exists"}.Err()
		}
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("catalog: rename category: %w", err)
	}
	return nil
}

// DeleteCategory removes a category; its services stay, uncategorised.
func (c *Catalog) DeleteCategory(ctx context.Context, salonID, id uuid.UUID) error {
	err := c.DB.WithTenant(ctx, salonID, func(tx store.Tx) error {
		n, err := tx.CategoryDelete(ctx, dbq.CategoryDeleteParams{TenantID: salonID, ID: id})
		if err == nil && n == 0 {
			return apperr.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("catalog: delete category: %w", err)
	}
	return nil
}
