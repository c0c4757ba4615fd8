package i18n

var enClients = map[string]string{
	"category.ordinary":    "Ordinary",
	"category.vip":         "VIP",
	"category.problematic": "Problematic",
	"category.employee":    "Employee",
}
