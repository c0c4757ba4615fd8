package web_test

// settingsCrossTenantRoutes: the catalogue, staff and salon settings routes
// that take an id, aimed at salon B's rows.
var settingsCrossTenantRoutes = []crossTenantRoute{}
