package web_test

// agendaCrossTenantRoutes: the agenda routes that take an id, aimed at salon B's rows.
var agendaCrossTenantRoutes = []crossTenantRoute{}
