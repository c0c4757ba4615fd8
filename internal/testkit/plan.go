package testkit

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/jackc/pgx/v5"
)

// PlanCost is what one statement read, from EXPLAIN (ANALYZE, BUFFERS):
// the rows its scans fetched (kept or filtered out, over every loop) and the
// shared buffers it touched. Unlike a duration, both stay the same from run
// to run, so a benchmark can show they do not grow with the data.
type PlanCost struct {
	Rows    float64
	Buffers float64
}

// GeneratedSQL reads a query's text from the sqlc output of a file in
// internal/store/dbq (run from a package directory under internal), so a
// benchmark explains exactly the statement the application runs.
func GeneratedSQL(file, name string) (string, error) {
	src, err := os.ReadFile(filepath.Join("..", "store", "dbq", file))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile("(?s)const " + name + " = `-- name: [^\n]*\n(.*?)`").FindSubmatch(src)
	if m == nil {
		return "", fmt.Errorf("testkit: query %s not in %s", name, file)
	}
	return string(m[1]), nil
}

// ExplainAs runs sql with args under EXPLAIN (ANALYZE, BUFFERS) as one of the
// server's roles (store.PlatformRole for the sweeps): the plan that counts is
// the one that role gets under row-level security. It returns the statement's
// cost and the plan as text for the log.
func ExplainAs(ctx context.Context, role, sql string, args ...any) (PlanCost, string, error) {
	cfg, err := pgx.ParseConfig(pkg.dbURL)
	if err != nil {
		return PlanCost{}, "", err
	}
	cfg.User = role
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return PlanCost{}, "", err
	}
	defer conn.Close(ctx)
	var raw []byte
	if err := conn.QueryRow(ctx, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "+sql, args...).Scan(&raw); err != nil {
		return PlanCost{}, "", err
	}
	var out []struct{ Plan planNode }
	if err := json.Unmarshal(raw, &out); err != nil || len(out) == 0 {
		return PlanCost{}, "", fmt.Errorf("testkit: explain: %w", err)
	}
	top := out[0].Plan
	return PlanCost{Rows: top.rowsRead(), Buffers: top.SharedHit + top.SharedRead}, top.text(0), nil
}

type planNode struct {
	NodeType   string     `json:"Node Type"`
	Relation   string     `json:"Relation Name"`
	Index      string     `json:"Index Name"`
	Rows       float64    `json:"Actual Rows"`
	Loops      float64    `json:"Actual Loops"`
	Removed    float64    `json:"Rows Removed by Filter"`
	Rechecked  float64    `json:"Rows Removed by Index Recheck"`
	SharedHit  float64    `json:"Shared Hit Blocks"`
	SharedRead float64    `json:"Shared Read Blocks"`
	Plans      []planNode `json:"Plans"`
}

// rowsRead sums what the scans of tables and indexes fetched.
func (n planNode) rowsRead() float64 {
	total := 0.0
	if n.Relation != "" || n.Index != "" {
		total = (n.Rows + n.Removed + n.Rechecked) * n.Loops
	}
	for _, c := range n.Plans {
		total += c.rowsRead()
	}
	return total
}

func (n planNode) text(depth int) string {
	s := fmt.Sprintf("%*s%s %s %s rows=%.0f loops=%.0f removed=%.0f buffers=%.0f\n", depth*2, "", n.NodeType, n.Relation, n.Index,
		n.Rows, n.Loops, n.Removed, n.SharedHit+n.SharedRead)
	for _, c := range n.Plans {
		s += c.text(depth + 1)
	}
	return s
}
