package i18n

// frCountry names the countries a salon may be in (its phone numbers are
// read the way that country writes them).
var frCountry = map[string]string{
	"field.country":      "Pays",
	"field.country.hint": "Les numéros de téléphone saisis sans indicatif sont lus comme ceux de ce pays.",
	"country.fr":         "France",
	"country.be":         "Belgique",
	"country.ch":         "Suisse",
	"country.lu":         "Luxembourg",
	"country.mc":         "Monaco",
	"country.gb":         "Royaume-Uni",
	"country.ca":         "Canada",
	"country.us":         "États-Unis",
	"country.re":         "La Réunion",
	"country.gp":         "Guadeloupe",
	"country.mq":         "Martinique",
	"country.gf":         "Guyane",
	"country.yt":         "Mayotte",
	"country.nc":         "Nouvelle-Calédonie",
	"country.pf":         "Polynésie française",
	"country.ma":         "Maroc",
	"country.sn":         "Sénégal",
	"country.ci":         "Côte d’Ivoire",
	"country.tn":         "Tunisie",
	"country.es":         "Espagne",
	"country.pt":         "Portugal",
	"country.de":         "Allemagne",
	"country.it":         "Italie",
	"country.jp":         "Japon",
}
