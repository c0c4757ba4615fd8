// Package schema embeds the goose migrations so the binary can apply them.
package schema

import "embed"

// FS holds the ordered migrations (NNNN_what.sql).
//
//go:embed *.sql
var FS embed.FS
