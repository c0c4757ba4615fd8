package i18n

// enDisplay: what the agenda, the client record and the categories show
// about prices, balances and layout.
var enDisplay = map[string]string{
	"display.discount_short":      "category discount −%s",
	"display.owes_title":          "%s owes the salon %s",
	"display.category_moves":      "If you delete it, its clients (%d) will move to the “%s” category.",
	"display.category_moves_none": "No client in this category.",
	"display.whole_team":          "Whole team",
	"display.team_legend":         "Team",
}
