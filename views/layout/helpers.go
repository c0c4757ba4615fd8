package layout

import (
	"context"

	"github.com/carnet-salon/carnet/internal/urls"
)

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func brandHref(ctx context.Context) string {
	r := From(ctx)
	switch {
	case r.Salon != nil:
		return urls.App()
	case r.User != nil && r.IsAdmin:
		return urls.Admin()
	}
	return urls.Landing()
}
