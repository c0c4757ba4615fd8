package layout

import "context"

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
		return "/app"
	case r.User != nil && r.IsAdmin:
		return "/admin"
	}
	return "/"
}
