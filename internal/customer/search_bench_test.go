package customer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/customer"
	"github.com/carnet-salon/carnet/internal/store"
	"github.com/carnet-salon/carnet/internal/testkit"
)

// BenchmarkSearch100kClients measures the client list's search as staff type
// it, in a salon of 100,000 clients (French names, e-mails, phones, half of
// them with visits, one in ten with a balance) sharing the tables with other
// salons. It runs as the application role, under row-level security, through
// Customers.List (the page and its count), and logs the query plans.
func BenchmarkSearch100kClients(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, testkit.DatabaseURL(), "")
	require.NoError(b, err)
	b.Cleanup(db.Close)
	salonID := seedSearchBench(b, 100_000, 3, 5_000)
	c := &customer.Customers{DB: db}

	// The list's other orders aggregate over the salon's visits and ledger.
	searches := []struct {
		name string
		q    customer.ListQuery
	}{
		{"mart", customer.ListQuery{Search: "mart"}}, {"lea", customer.ListQuery{Search: "lea"}},
		{"phone_0612", customer.ListQuery{Search: "0612"}}, {"email_orange", customer.ListQuery{Search: "orange.fr"}},
		{"email_fragment", customer.ListQuery{Search: "nicolas.ro"}}, {"no_search", customer.ListQuery{}},
		{"rare_name", customer.ListQuery{Search: "Vasseur"}},
		{"by_balance", customer.ListQuery{Sort: "balance"}}, {"by_last_visit", customer.ListQuery{Sort: "visit"}},
		{"by_recent", customer.ListQuery{Sort: "recent"}}, {"owes_money", customer.ListQuery{Owes: true}},
		{"mart_by_balance", customer.ListQuery{Search: "mart", Sort: "balance"}},
	}
	for _, s := range searches {
		page, err := c.List(ctx, salonID, s.q)
		require.NoError(b, err)
		b.Logf("%-15s %6d matches, %d on the first page", s.name, page.Total, len(page.Rows))
	}
	explainSearch(b, db, salonID, "mart")
	explainSearch(b, db, salonID, "612")
	explainSearch(b, db, salonID, "")

	for _, s := range searches {
		b.Run(s.name, func(b *testing.B) {
			var total time.Duration
			for b.Loop() {
				start := time.Now()
				if _, err := c.List(ctx, salonID, s.q); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
			}
			b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/search")
		})
	}
}

// explainSearch prints the plans of the list and count queries exactly as the
// application sends them (the SQL sqlc generated), as the application role
// with the salon set: the plan that matters is the one under RLS.
func explainSearch(b *testing.B, db *store.DB, salonID uuid.UUID, search string) {
	b.Helper()
	type query struct {
		name string
		args []any
	}
	queries := []query{
		{"customerSearchList", []any{search, nil, false, salonID, "name", int32(0), int32(customer.PerPage)}},
		{"customerSearchCount", []any{search, nil, false, salonID}},
	}
	if search == "" {
		queries = []query{
			{"customerList", []any{salonID, nil, false, "name", int32(0), int32(customer.PerPage)}},
			{"customerCount", []any{salonID, nil}},
		}
	}
	for _, q := range queries {
		sql := generatedSQL(b, q.name)
		err := db.WithTenant(context.Background(), salonID, func(tx store.Tx) error {
			rows, err := tx.Raw().Query(context.Background(), "EXPLAIN (ANALYZE, BUFFERS) "+sql, q.args...)
			if err != nil {
				return err
			}
			lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
			b.Logf("EXPLAIN %s search=%q as %s under RLS:\n%s", q.name, search, store.AppRole, strings.Join(lines, "\n"))
			return err
		})
		require.NoError(b, err)
	}
	// The search itself, inside customer_search: it runs as carnet_platform
	// (the function's owner), where the trigram index serves the LIKE.
	if search != "" {
		cfg, err := pgx.ParseConfig(testkit.DatabaseURL())
		require.NoError(b, err)
		cfg.User = store.PlatformRole
		conn, err := pgx.ConnectConfig(context.Background(), cfg)
		require.NoError(b, err)
		defer conn.Close(context.Background())
		tx, err := conn.Begin(context.Background())
		require.NoError(b, err)
		defer tx.Rollback(context.Background()) //nolint:errcheck
		_, err = tx.Exec(context.Background(), "SELECT set_config('app.tenant_id', $1, true)", salonID.String())
		require.NoError(b, err)
		rows, err := tx.Query(context.Background(), `EXPLAIN (ANALYZE, BUFFERS) SELECT c.id FROM public.customers c
			WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
			  AND c.merged_into IS NULL AND c.erased_at IS NULL AND c.search_text LIKE '%' || $1 || '%'`, search)
		require.NoError(b, err)
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		require.NoError(b, err)
		b.Logf("EXPLAIN inside customer_search(%q), as its owner %s:\n%s", search, store.PlatformRole, strings.Join(plan, "\n"))
	}
	if search != "" {
		err := db.WithTenant(context.Background(), salonID, func(tx store.Tx) error {
			var plan []string
			rows, err := tx.Raw().Query(context.Background(), `EXPLAIN (ANALYZE, BUFFERS) SELECT c.id FROM customers c
				WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
				  AND c.merged_into IS NULL AND c.erased_at IS NULL AND c.search_text LIKE '%' || $1 || '%'`, search)
			if err != nil {
				return err
			}
			plan, err = pgx.CollectRows(rows, pgx.RowTo[string])
			b.Logf("EXPLAIN the same LIKE straight on customers as %s (what RLS allows without customer_search):\n%s", store.AppRole, strings.Join(plan, "\n"))
			return err
		})
		require.NoError(b, err)
	}
}

// generatedSQL reads a query's text from the sqlc output, so the plan shown
// is the plan of the statement the application runs.
func generatedSQL(b *testing.B, name string) string {
	src, err := os.ReadFile(filepath.Join("..", "store", "dbq", "customer.sql.go"))
	require.NoError(b, err)
	m := regexp.MustCompile("(?s)const " + name + " = `(.*?)`").FindSubmatch(src)
	require.NotNil(b, m, "query %s not found in the generated code", name)
	return string(m[1])
}

var (
	benchFirstNames = strings.Fields(`Léa Emma Chloé Camille Manon Inès Jade Louise Alice Lina Zoé Sarah Julie Marie Anaïs Clara
		Lucie Eva Juliette Pauline Mathilde Margaux Océane Laura Charlotte Elodie Amandine Audrey Aurélie Céline Nathalie Isabelle
		Sandrine Sophie Valérie Stéphanie Sylvie Catherine Christine Martine Monique Françoise Brigitte Nicole Hélène Agnès Karine
		Virginie Émilie Mélanie Caroline Delphine Florence Patricia Véronique Corinne Laetitia Gaëlle Maëlle Noémie Romane Ambre
		Nina Lou Rose Anna Mia Agathe Victoire Capucine Salomé Clémence Justine Morgane Marion Coralie Jessica Vanessa Estelle
		Fanny Solène Thomas Nicolas Julien Maxime Antoine Alexandre Lucas Hugo Louis Léo Gabriel Arthur Raphaël Paul Jules Adam
		Nathan Théo Mathis Enzo Romain Kevin Sébastien Olivier Christophe Stéphane Frédéric Laurent Pierre Jean Marc Michel Éric
		David Philippe Patrick Bruno Yannick Cédric Mehdi Karim Sofia Yasmine Amira Leïla Fatima Aïcha`)
	benchLastNames = strings.Fields(`Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèbvre
		Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure
		André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas
		Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard
		Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal
		Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet
		Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps
		Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier
		Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le-Gall Collet Léger Bouvier Julien Prévost Millet Perrot
		Daniel Le-Roux Cousin Germain Breton Besson Langlois Rémy Le-Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal
		Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier
		Collin Chauvin Da-Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélémy Cordier Pichon
		Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Martel`)
	benchDomains = []string{"gmail.com", "gmail.com", "gmail.com", "orange.fr", "free.fr", "hotmail.fr", "yahoo.fr", "laposte.net", "sfr.fr", "outlook.fr", "wanadoo.fr", "icloud.com"}
)

// asciiFold is how people write names in e-mail addresses.
var asciiFold = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ä", "a", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "É", "e", " ", "")

// seedSearchBench creates the measured salon with n clients and others
// salons with m clients each, as the database owner with COPY (the
// application role cannot COPY into tables under row-level security).
func seedSearchBench(b *testing.B, n, others, m int) uuid.UUID {
	b.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testkit.DatabaseURL())
	require.NoError(b, err)
	defer conn.Close(ctx)
	start := time.Now()
	rng := rand.New(rand.NewPCG(2026, 11))
	var target uuid.UUID
	for s := 0; s <= others; s++ {
		id := uuid.New()
		if s == 0 {
			target = id
		}
		size := m
		if s == 0 {
			size = n
		}
		_, err := conn.Exec(ctx, `INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)`, id, fmt.Sprintf("bench-%s", id.String()[:8]), fmt.Sprintf("Bench %d", s))
		require.NoError(b, err)
		seedSalonClients(b, conn, rng, id, size)
	}
	for _, t := range []string{"customers", "customer_ledger", "appointments", "customer_categories"} {
		_, err := conn.Exec(ctx, "VACUUM ANALYZE "+t) // autovacuum's steady state
		require.NoError(b, err)
	}
	b.Logf("seeded %d clients (+%d×%d in other salons) in %s", n, others, m, time.Since(start).Round(time.Millisecond))
	return target
}

func seedSalonClients(b *testing.B, conn *pgx.Conn, rng *rand.Rand, salonID uuid.UUID, n int) {
	ctx := context.Background()
	cats := make([]uuid.UUID, 4)
	for i, name := range []string{"Clients", "VIP", "Problématiques", "Employés"} {
		cats[i] = uuid.New()
		_, err := conn.Exec(ctx, `INSERT INTO customer_categories (id, tenant_id, name, is_default, position) VALUES ($1, $2, $3, $4, $5)`,
			cats[i], salonID, name, i == 0, i)
		require.NoError(b, err)
	}
	staff := make([]uuid.UUID, 8)
	for i := range staff {
		staff[i] = uuid.New()
		_, err := conn.Exec(ctx, `INSERT INTO staff_members (id, tenant_id, name, color) VALUES ($1, $2, $3, $4)`, staff[i], salonID, fmt.Sprintf("Styliste %d", i+1), i+1)
		require.NoError(b, err)
	}
	created := time.Date(2019, 1, 1, 9, 0, 0, 0, time.UTC)
	ids := make([]uuid.UUID, n)
	rows := make([][]any, n)
	for i := range rows {
		ids[i] = uuid.New()
		first := benchFirstNames[rng.IntN(len(benchFirstNames))]
		last := benchLastNames[rng.IntN(len(benchLastNames))]
		email := ""
		if rng.IntN(10) < 8 {
			email = fmt.Sprintf("%s.%s%d@%s", strings.ToLower(asciiFold.Replace(first)), strings.ToLower(asciiFold.Replace(last)),
				rng.IntN(100), benchDomains[rng.IntN(len(benchDomains))])
		}
		phone := ""
		if rng.IntN(10) < 9 {
			phone = fmt.Sprintf("+33%d%08d", 6+rng.IntN(2), rng.IntN(100_000_000))
		}
		cat := cats[0]
		if rng.IntN(20) == 0 {
			cat = cats[1+rng.IntN(3)]
		}
		rows[i] = []any{ids[i], salonID, first, last, phone, email, cat, created.Add(time.Duration(i) * 17 * time.Minute)}
	}
	_, err := conn.CopyFrom(ctx, pgx.Identifier{"customers"},
		[]string{"id", "tenant_id", "first_name", "last_name", "phone", "email", "category_id", "created_at"}, pgx.CopyFromRows(rows))
	require.NoError(b, err)

	// Half the clients came at least once: one visit each, one after the
	// other per staff member (the agenda's no-overlap constraint holds).
	var appts [][]any
	for i := 0; i < n; i += 2 {
		st := (i / 2) % len(staff)
		slot := created.Add(time.Duration(i/2/len(staff)) * time.Hour)
		appts = append(appts, []any{uuid.New(), salonID, staff[st], ids[i], slot, slot.Add(45 * time.Minute), slot.Add(time.Hour), "done"})
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"appointments"},
		[]string{"id", "tenant_id", "staff_id", "customer_id", "starts_at", "ends_at", "busy_until", "status"}, pgx.CopyFromRows(appts))
	require.NoError(b, err)

	var ledger [][]any
	for i := 0; i < n; i += 10 {
		amount := int64(500 + rng.IntN(10_000))
		if rng.IntN(2) == 0 {
			amount = -amount
		}
		ledger = append(ledger, []any{uuid.New(), salonID, ids[i], amount, "EUR", "manual", ""})
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"customer_ledger"},
		[]string{"id", "tenant_id", "customer_id", "amount_cents", "currency", "reason", "note"}, pgx.CopyFromRows(ledger))
	require.NoError(b, err)
}
