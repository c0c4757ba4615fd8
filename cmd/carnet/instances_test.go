package main

import (
	"bufio"
	"context"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/booking"
	"github.com/carnet-salon/carnet/internal/demo"
	"github.com/carnet-salon/carnet/internal/journal"
	"github.com/carnet-salon/carnet/internal/message"
	"github.com/carnet-salon/carnet/schema"
)

// TestInstancesStartedTogether starts three `carnet serve` at the same
// moment, as a deploy of three replicas does, sharing one Postgres, one
// Redis (one key prefix) and one journal key file: on a server without the
// database, on an empty database, and on a migrated one. Each time all
// three become ready and the migrations are applied once in all. On the
// first, the three behave as one service behind a load balancer: a session
// opened on one works on the others, the login limit counts across them,
// each periodic job runs once per period, and one of them stopped under
// traffic loses no request.
func TestInstancesStartedTogether(t *testing.T) {
	bin := buildBinary(t)
	suffix := randomHex()
	// Clipped: the parallel subtests each append their own DATABASE_URL,
	// which must never land in one shared backing array.
	env := slices.Clip(append(os.Environ(), "REDIS_PREFIX=test:cmd:"+suffix+":", "LOG_FORMAT=text", "DRAIN_DELAY=1500ms",
		"JOURNAL_KEY_FILE="+filepath.Join(t.TempDir(), "carnet-journal.key")))

	t.Run("no database, with the demo", func(t *testing.T) {
		t.Parallel()
		dbURL := freshDatabase(t, suffix+"_a").String()
		insts := startInstances(t, bin, append(env, "DATABASE_URL="+dbURL), "ABC", "serve", "--demo")
		start := time.Now()
		waitReady(t, dbURL, insts, 40*time.Second)
		t.Logf("three instances ready in %v", time.Since(start).Round(time.Millisecond))
		db := connect(t, dbURL)
		requireMigratedOnce(t, db, insts, true)
		var salons int
		require.NoError(t, db.QueryRow(context.Background(), "SELECT count(*) FROM tenants WHERE slug = $1", demo.Slug).Scan(&salons))
		require.Equal(t, 1, salons, "the demo salon is seeded once")

		sessionIsShared(t, insts)
		loginLimitIsShared(t, insts, "nobody-"+suffix+"@example.test")
		leader := periodicJobsStartOnce(t, db, insts)
		stopUnderTraffic(t, insts, leader)
		newLeaderKeepsThePeriods(t, db, insts, leader)
	})

	t.Run("empty database, then migrated", func(t *testing.T) {
		t.Parallel()
		u := freshDatabase(t, suffix+"_b")
		dbURL := u.String()
		createDatabase(t, u)
		insts := startInstances(t, bin, append(env, "DATABASE_URL="+dbURL), "ABC", "serve")
		waitReady(t, dbURL, insts, 40*time.Second)
		db := connect(t, dbURL)
		requireMigratedOnce(t, db, insts, true)
		for _, in := range insts {
			require.NoError(t, in.cmd.Process.Signal(syscall.SIGTERM))
		}
		for _, in := range insts {
			in.waitExit(t)
		}

		again := startInstances(t, bin, append(env, "DATABASE_URL="+dbURL), "DEF", "serve")
		waitReady(t, dbURL, again, 40*time.Second)
		requireMigratedOnce(t, db, again, false)
	})
}

func connect(t *testing.T, dbURL string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), dbURL)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func createDatabase(t *testing.T, u *url.URL) {
	t.Helper()
	admin := *u
	admin.Path = "/postgres"
	conn := connect(t, admin.String())
	_, err := conn.Exec(context.Background(), "CREATE DATABASE "+pgx.Identifier{strings.Trim(u.Path, "/")}.Sanitize())
	require.NoError(t, err)
}

// migrationVersions are the versions of schema/, in order.
func migrationVersions(t *testing.T) []int64 {
	t.Helper()
	files, err := fs.Glob(schema.FS, "*.sql")
	require.NoError(t, err)
	var versions []int64
	for _, f := range files {
		v, err := strconv.ParseInt(f[:strings.IndexByte(f, '_')], 10, 64)
		require.NoError(t, err)
		versions = append(versions, v)
	}
	return versions
}

// requireMigratedOnce checks that goose recorded every migration exactly
// once and, when fresh, that the instances between them applied each of
// goose's and River's migrations once (none when the database was migrated
// before they started).
func requireMigratedOnce(t *testing.T, db *pgx.Conn, insts []*instance, fresh bool) {
	t.Helper()
	rows, err := db.Query(context.Background(), "SELECT version_id FROM goose_db_version WHERE version_id > 0 ORDER BY version_id")
	require.NoError(t, err)
	recorded, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	require.NoError(t, err)
	require.Equal(t, migrationVersions(t), recorded, "each migration is recorded once")
	var river int
	require.NoError(t, db.QueryRow(context.Background(), "SELECT count(*) FROM river.river_migration").Scan(&river))
	wantGoose, wantRiver := len(recorded), river
	if !fresh {
		wantGoose, wantRiver = 0, 0
	}
	gooseApplied, riverApplied := 0, 0
	for _, in := range insts {
		out := in.out.String()
		gooseApplied += strings.Count(out, `msg="migration applied"`)
		riverApplied += strings.Count(out, `Applied migration"`)
	}
	require.Equal(t, wantGoose, gooseApplied, "schema migrations applied by the instances together")
	require.Equal(t, wantRiver, riverApplied, "job table migrations applied by the instances together")
}

// sessionIsShared: signed in on A, the owner is signed in on B and C;
// signing out on C ends the session on A too.
func sessionIsShared(t *testing.T, insts []*instance) {
	t.Helper()
	a, b, c := insts[0], insts[1], insts[2]
	owner := browser(t)
	status, path, _ := post(t, owner, a.base, "/login", url.Values{"email": {demo.OwnerEmail}, "password": {demo.OwnerPassword}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "/app", path, "signed in on A")
	au, _ := url.Parse(a.base)
	var session *http.Cookie
	for _, k := range owner.Jar.Cookies(au) {
		if k.Name == "carnet_session" {
			session = k
		}
	}
	require.NotNil(t, session)
	for _, in := range []*instance{b, c} {
		status, path, body := get(t, owner, in.base+"/app")
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, "/app", path, "the session opened on A works on %s", in.name)
		require.Contains(t, body, "Institut Démo")
	}
	_, path, _ = post(t, owner, c.base, "/logout", url.Values{})
	require.Equal(t, "/login", path)

	stolen := browser(t)
	stolen.Jar.SetCookies(au, []*http.Cookie{session})
	_, path, _ = get(t, stolen, a.base+"/app")
	require.Equal(t, "/login", path, "signed out on C, the old session cookie opens nothing on A")
}

// loginLimitIsShared spreads failed logins for one email over the three
// instances: the limit (10 per quarter-hour) counts them together.
func loginLimitIsShared(t *testing.T, insts []*instance, email string) {
	t.Helper()
	guesser := browser(t)
	for i := range 10 {
		in := insts[i%len(insts)]
		status, _, _ := post(t, guesser, in.base, "/login", url.Values{"email": {email}, "password": {"wrong-" + strconv.Itoa(i)}})
		require.Contains(t, []int{http.StatusUnauthorized, http.StatusUnprocessableEntity}, status, "attempt %d on %s is refused as a bad password", i+1, in.name)
	}
	for _, in := range insts {
		status, _, _ := post(t, guesser, in.base, "/login", url.Values{"email": {email}, "password": {"wrong"}})
		require.Equal(t, http.StatusTooManyRequests, status, "after 10 failures spread over the instances, %s refuses the next", in.name)
	}
}

// The sweeps River's leader enqueues, and their periods.
var periodic = map[string]time.Duration{
	booking.SweepArgs{}.Kind():    booking.SweepEvery,
	message.ReminderArgs{}.Kind(): message.ReminderEvery,
	journal.SweepArgs{}.Kind():    journal.SweepEvery,
}

// periodicJobsStartOnce waits for the job leader's first sweeps and returns
// the instance that leads.
func periodicJobsStartOnce(t *testing.T, db *pgx.Conn, insts []*instance) *instance {
	t.Helper()
	var leader *instance
	require.Eventually(t, func() bool {
		leader = currentLeader(t, db, insts)
		return leader != nil && len(periodicJobs(t, db, time.Time{})) == len(periodic)
	}, 20*time.Second, 50*time.Millisecond, "a leader is elected and enqueues every sweep")
	requireOncePerPeriod(t, db)
	return leader
}

func currentLeader(t *testing.T, db *pgx.Conn, insts []*instance) *instance {
	t.Helper()
	var id string
	err := db.QueryRow(context.Background(), "SELECT leader_id FROM river.river_leader WHERE expires_at > now()").Scan(&id)
	if err != nil {
		return nil
	}
	for _, in := range insts {
		if in.jobClientID(t) == id {
			return in
		}
	}
	t.Fatalf("the leader %s is none of the instances", id)
	return nil
}

// periodicJobs counts the sweeps enqueued after since, by kind.
func periodicJobs(t *testing.T, db *pgx.Conn, since time.Time) map[string]int {
	t.Helper()
	rows, err := db.Query(context.Background(), "SELECT kind FROM river.river_job WHERE created_at > $1", since)
	require.NoError(t, err)
	kinds, err := pgx.CollectRows(rows, pgx.RowTo[string])
	require.NoError(t, err)
	n := map[string]int{}
	for _, k := range kinds {
		if _, ok := periodic[k]; ok {
			n[k]++
		}
	}
	return n
}

// requireOncePerPeriod: no sweep was enqueued twice in one of its periods,
// and each one that has run ran once.
func requireOncePerPeriod(t *testing.T, db *pgx.Conn) {
	t.Helper()
	for kind, every := range periodic {
		// River buckets by its own clock at insert time; created_at is
		// Postgres's, on the same machine here.
		rows, err := db.Query(context.Background(), "SELECT created_at, attempt FROM river.river_job WHERE kind = $1 ORDER BY created_at", kind)
		require.NoError(t, err)
		seen := map[time.Time]bool{}
		var created time.Time
		var attempt int
		_, err = pgx.ForEachRow(rows, []any{&created, &attempt}, func() error {
			period := created.Truncate(every)
			require.False(t, seen[period], "%s enqueued twice in the period from %v", kind, period)
			seen[period] = true
			require.LessOrEqual(t, attempt, 1, "%s ran once", kind)
			return nil
		})
		require.NoError(t, err)
	}
}

// stopUnderTraffic sends SIGTERM to one instance while visitors keep
// coming through the balancer, one of them in the middle of sending its
// request: nobody gets an error, the request under way is answered, and
// the traffic moves to the others.
func stopUnderTraffic(t *testing.T, insts []*instance, victim *instance) {
	t.Helper()
	lb := balance(insts, "/b/"+demo.Slug, 4)
	defer lb.stop()
	require.Eventually(t, func() bool {
		for _, in := range insts {
			if lb.count(in) < 5 {
				return false
			}
		}
		return true
	}, 10*time.Second, 10*time.Millisecond, "every instance answers visitors")

	slow := halfSentRequest(t, victim, "/b/"+demo.Slug)
	require.NoError(t, victim.cmd.Process.Signal(syscall.SIGTERM))
	select {
	case out := <-lb.removed:
		require.Equal(t, victim, out, "only the stopped instance leaves the rotation")
	case <-time.After(5 * time.Second):
		t.Fatal("the stopped instance's /readyz still answers 200")
	}
	require.Equal(t, "HTTP/1.1 200 OK", slow(), "the request under way when SIGTERM came is answered")
	before := map[*instance]int{}
	for _, in := range insts {
		before[in] = lb.count(in)
	}
	require.Eventually(t, func() bool {
		for _, in := range insts {
			if in != victim && lb.count(in) < before[in]+20 {
				return false
			}
		}
		return true
	}, 10*time.Second, 10*time.Millisecond, "the others take the traffic")
	victim.waitExit(t)
	fails := lb.stop()
	for _, in := range insts {
		t.Logf("%s answered %d pages (%d when %s left the rotation)", in.name, lb.count(in), before[in], victim.name)
	}
	require.Empty(t, fails, "no visitor saw an error")
}

// halfSentRequest opens a connection to the instance and sends the start
// of a request; the function returned sends the rest and reads the status line.
func halfSentRequest(t *testing.T, in *instance, path string) func() string {
	t.Helper()
	u, _ := url.Parse(in.base)
	conn, err := net.Dial("tcp", u.Host)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	_, err = conn.Write([]byte("GET " + path + " HTTP/1.1\r\nHost: " + u.Host + "\r\n"))
	require.NoError(t, err)
	return func() string {
		_, err := conn.Write([]byte("Connection: close\r\n\r\n"))
		require.NoError(t, err)
		require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
		line, err := bufio.NewReader(conn).ReadString('\n')
		require.NoError(t, err)
		return strings.TrimSpace(line)
	}
}

// newLeaderKeepsThePeriods: once the stopped leader is gone another
// instance leads and enqueues the sweeps, still once per period.
func newLeaderKeepsThePeriods(t *testing.T, db *pgx.Conn, insts []*instance, old *instance) {
	t.Helper()
	var since time.Time
	require.NoError(t, db.QueryRow(context.Background(), "SELECT now()").Scan(&since))
	require.Eventually(t, func() bool {
		l := currentLeader(t, db, insts)
		return l != nil && l != old
	}, 20*time.Second, 50*time.Millisecond, "another instance leads")
	t.Logf("new leader after %v", time.Since(since).Round(time.Millisecond))
	require.Eventually(t, func() bool {
		return periodicJobs(t, db, since)[booking.SweepArgs{}.Kind()] > 0
	}, 40*time.Second, 100*time.Millisecond, "the new leader enqueues the hold sweep")
	t.Logf("its first hold sweep after %v", time.Since(since).Round(time.Millisecond))
	requireOncePerPeriod(t, db)
}
