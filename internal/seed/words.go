package seed

import "time"

// The made-up salons are French, as most of Carnet's are: their catalogue,
// clients and history are data in the salon's own words, like the demo's.

type offer struct {
	name     string
	minutes  int
	price    int64 // cents, before the salon's own price level
	technics bool  // a technical sheet is often written at such a visit
}

type family struct {
	name   string
	offers []offer
}

var families = []family{
	{"Visage", []offer{{"Soin visage éclat", 60, 6500, true}, {"Soin hydratant intense", 75, 8500, true}, {"Soin anti-âge", 90, 9900, true},
		{"Nettoyage de peau", 45, 4900, true}, {"Soin express", 30, 3500, false}, {"Peeling doux", 45, 5900, true},
		{"Soin purifiant ado", 45, 3900, true}, {"Soin contour des yeux", 30, 3200, false}}},
	{"Épilation", []offer{{"Épilation sourcils", 15, 1200, false}, {"Épilation lèvre", 10, 900, false}, {"Épilation aisselles", 15, 1400, false},
		{"Épilation maillot classique", 20, 1900, false}, {"Épilation maillot intégral", 30, 3500, false}, {"Épilation demi-jambes", 30, 2500, false},
		{"Épilation jambes complètes", 45, 3800, false}, {"Épilation bras", 20, 2000, false}, {"Forfait jambes + maillot + aisselles", 60, 6500, false}}},
	{"Mains & pieds", []offer{{"Manucure", 30, 2800, false}, {"Manucure semi-permanent", 50, 4200, true}, {"Dépose semi-permanent", 20, 1500, false},
		{"Beauté des pieds", 45, 3900, false}, {"Pédicure semi-permanent", 60, 4800, true}, {"Pose capsules gel", 90, 6500, true},
		{"Remplissage gel", 75, 5000, true}, {"Soin paraffine mains", 20, 1800, false}}},
	{"Regard", []offer{{"Rehaussement de cils", 60, 6000, true}, {"Teinture cils", 20, 1800, true}, {"Teinture sourcils", 15, 1500, true},
		{"Extension de cils pose complète", 120, 12000, true}, {"Remplissage extensions cils", 60, 5500, true}, {"Restructuration sourcils", 30, 2500, false},
		{"Browlift", 45, 5500, true}}},
	{"Massages", []offer{{"Massage californien", 60, 7000, false}, {"Massage aux pierres chaudes", 75, 8500, false}, {"Massage relaxant dos", 30, 4000, false},
		{"Réflexologie plantaire", 45, 5500, false}, {"Massage ayurvédique", 60, 7500, false}, {"Massage future maman", 60, 7200, false},
		{"Drainage lymphatique", 60, 7500, false}}},
	{"Corps", []offer{{"Gommage corps", 30, 4000, false}, {"Enveloppement", 45, 5000, false}, {"Soin minceur", 60, 6500, true},
		{"Palper-rouler", 30, 4500, false}, {"Bronzage spray", 20, 3000, false}, {"Hammam + gommage", 60, 6000, false}}},
	{"Maquillage", []offer{{"Maquillage jour", 30, 3500, false}, {"Maquillage soirée", 45, 5000, false}, {"Essai maquillage mariée", 60, 6500, true},
		{"Maquillage mariée", 90, 12000, true}, {"Cours d'auto-maquillage", 60, 6000, false}}},
	{"Coiffure", []offer{{"Shampooing brushing", 30, 3200, false}, {"Coupe femme", 45, 4500, false}, {"Coupe homme", 30, 2600, false},
		{"Couleur racines", 60, 5500, true}, {"Balayage", 120, 11000, true}, {"Soin kératine", 90, 9500, true}, {"Chignon", 45, 5500, false}}},
}

var salonPrefixes = []string{"Institut", "Salon", "Atelier", "Maison", "Espace", "Studio", "L'Instant", "Le Boudoir de"}
var salonNames = []string{"Éclat", "Belle Époque", "Sérénité", "Lumière", "Camélia", "Orchidée", "Jasmin", "Nacre", "Perle", "Velours",
	"Héloïse", "Capucine", "Margaux", "Zen", "Rose Poudrée", "Aurore", "Iris", "Opaline", "Cassis", "Lilas"}

var cities = []struct{ name, postal string }{{"Paris", "75011"}, {"Paris", "75017"}, {"Lyon", "69003"}, {"Marseille", "13006"},
	{"Toulouse", "31000"}, {"Nantes", "44000"}, {"Bordeaux", "33000"}, {"Lille", "59000"}, {"Rennes", "35000"}, {"Nice", "06000"},
	{"Strasbourg", "67000"}, {"Montpellier", "34000"}, {"Grenoble", "38000"}, {"Dijon", "21000"}, {"Angers", "49000"}, {"Tours", "37000"},
	{"Reims", "51100"}, {"Annecy", "74000"}, {"Pau", "64000"}, {"Vannes", "56000"}}

var streets = []string{"rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "place du Marché", "rue des Lilas",
	"boulevard Gambetta", "rue Nationale", "rue du Commerce", "avenue de la Gare", "rue Pasteur"}

var womenNames = []string{"Léa", "Chloé", "Emma", "Manon", "Jade", "Camille", "Inès", "Sarah", "Louise", "Clara", "Julie", "Lucie",
	"Marie", "Anaïs", "Élodie", "Laura", "Pauline", "Mathilde", "Océane", "Charlotte", "Zoé", "Alice", "Nathalie", "Sandrine",
	"Isabelle", "Sophie", "Céline", "Aurélie", "Émilie", "Hélène", "Agathe", "Margot", "Noémie", "Salomé", "Yasmine", "Fatima"}
var menNames = []string{"Lucas", "Hugo", "Thomas", "Nicolas", "Julien", "Antoine", "Maxime", "Karim", "Romain", "Paul", "Louis", "Mehdi"}
var lastNames = []string{"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
	"Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
	"Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
	"Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
	"Roussel", "Mathieu", "Gautier", "Masson", "Benali", "Nguyen", "Da Silva", "Haddad"}
var mailDomains = []string{"gmail.com", "orange.fr", "free.fr", "hotmail.fr", "yahoo.fr", "laposte.net", "sfr.fr", "outlook.fr"}

var customerNotes = []string{"Préfère les rendez-vous en fin de journée.", "Peau sensible : tester les produits avant.",
	"Allergie au latex.", "Vient souvent avec sa fille.", "Aime le calme pendant les soins.", "Enceinte : pas de massage ventre.",
	"Toujours en retard de 10 minutes.", "Parrainée par une cliente fidèle.", "Préfère être appelée plutôt qu'un SMS.",
	"Diabétique : attention aux pieds."}
var visitNotes = []string{"Première visite.", "Cadeau d'anniversaire.", "Bon cadeau à encaisser.", "Demande la même esthéticienne.",
	"Rappeler la veille.", "Venir 10 min avant.", "Forfait en cours."}
var sheetProducts = []string{"Gamme hydratante, sérum acide hyaluronique", "Cire tiède aux pollens", "Gel UV teinte 42 « Nude »",
	"Colle sensitive, cils C 0,12 mm 10–12 mm", "Teinture brun foncé, oxydant 3 %", "Huile d'amande douce", "Masque argile verte"}
var sheetSettings = []string{"Temps de pose 8 min", "Vapeur 5 min, extraction douce", "Courbure L, 3 couches", "Lampe UV 60 s par couche",
	"Pression légère, 45 min", "Température cire 38 °C"}
var sheetReactions = []string{"Aucune réaction.", "Légère rougeur, disparue en fin de soin.", "Picotements au niveau des yeux.",
	"Peau réactive sur les joues.", "Très satisfaite du résultat."}

var absenceReasons = []string{"Congés", "Maladie", "Formation", "Enfant malade"}

// The fixed public holidays many salons close on.
var holidays = []struct {
	month time.Month
	day   int
}{{time.January, 1}, {time.May, 1}, {time.May, 8}, {time.July, 14}, {time.August, 15}, {time.November, 1},
	{time.November, 11}, {time.December, 25}}
