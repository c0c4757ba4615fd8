package i18n

// frDisplay: what the agenda, the client record and the categories show
// about prices, balances and layout.
var frDisplay = map[string]string{
	"display.discount_short":      "remise catégorie −%s",
	"display.owes_title":          "%s doit %s au salon",
	"display.category_moves":      "Si vous la supprimez, ses clients (%d) passeront dans la catégorie « %s ».",
	"display.category_moves_none": "Aucun client dans cette catégorie.",
	"display.whole_team":          "Toute l'équipe",
	"display.team_legend":         "Équipe",
}
