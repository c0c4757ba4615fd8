package i18n

// frClients: the client record, the client list, categories, technical sheets.
var frClients = map[string]string{
	"category.ordinary":    "Ordinaire",
	"category.vip":         "VIP",
	"category.problematic": "Problématique",
	"category.employee":    "Employé",
}
