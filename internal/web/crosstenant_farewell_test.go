package web_test

import "net/url"

// farewellCrossTenantRoutes: salon B's farewell, read or tapped from salon A.
var farewellCrossTenantRoutes = []crossTenantRoute{
	tillRoute("GET", "/app/till/tickets/:id/farewell", func(b victim) string { return "/app/till/tickets/" + b.till.receipt + "/farewell" }, nil),
	tillRoute("POST", "/app/till/tickets/:id/farewell/next", func(b victim) string {
		return "/app/till/tickets/" + b.till.receipt + "/farewell/next"
	}, url.Values{"start": {"2099-01-05T10:00:00+01:00"}, "staff_id": {""}}),
}
