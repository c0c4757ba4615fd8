package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/carnet-salon/carnet/internal/config"
)

// health asks this machine's instance whether it is ready (/readyz), for a
// container's health check: the image has no shell and no curl.
func health(ctx context.Context, cfg config.Config) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+strconv.Itoa(cfg.Port)+"/readyz", nil)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %w", err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("health: /readyz answered %d", res.StatusCode)
	}
	return nil
}
