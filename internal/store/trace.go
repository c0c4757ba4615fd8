package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// queryTracer turns each statement into a span named after its sqlc query
// (ClientGet), so a slow page's trace says which query was slow. Only the
// SQL text is recorded, never the arguments: they hold clients' names,
// phones and notes.
type queryTracer struct{ tracer trace.Tracer }

func newQueryTracer(tp trace.TracerProvider) *queryTracer {
	return &queryTracer{tracer: tp.Tracer("github.com/carnet-salon/carnet/internal/store")}
}

var dbSystem = attribute.String("db.system.name", "postgresql")

func (q *queryTracer) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	ctx, _ = q.tracer.Start(ctx, queryName(d.SQL), trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(dbSystem, attribute.String("db.query.text", d.SQL)))
	return ctx
}

func (q *queryTracer) TraceQueryEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryEndData) {
	end(trace.SpanFromContext(ctx), d.Err, d.CommandTag.RowsAffected())
}

// A batch (a page's reads in one round trip) is one span with a child per
// query, each timed from when its result was read.
func (q *queryTracer) TraceBatchStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchStartData) context.Context {
	ctx, _ = q.tracer.Start(ctx, "batch", trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(dbSystem, attribute.Int("db.operation.batch.size", d.Batch.Len())))
	return ctx
}

func (q *queryTracer) TraceBatchQuery(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	_, span := q.tracer.Start(ctx, queryName(d.SQL), trace.WithSpanKind(trace.SpanKindClient), trace.WithTimestamp(d.ReadStartTime),
		trace.WithAttributes(dbSystem, attribute.String("db.query.text", d.SQL)))
	end(span, d.Err, d.CommandTag.RowsAffected())
}

func (q *queryTracer) TraceBatchEnd(ctx context.Context, _ *pgx.Conn, d pgx.TraceBatchEndData) {
	end(trace.SpanFromContext(ctx), d.Err, -1)
}

func end(span trace.Span, err error, rows int64) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, "query failed")
	} else if rows >= 0 {
		span.SetAttributes(attribute.Int64("db.response.returned_rows", rows))
	}
	span.End()
}

// queryName is sqlc's name for the query ("-- name: ClientGet :one"), else
// the statement's first word (BEGIN, SELECT).
func queryName(sql string) string {
	sql = strings.TrimSpace(sql)
	if rest, ok := strings.CutPrefix(sql, "-- name: "); ok {
		if name, _, ok := strings.Cut(rest, " "); ok {
			return name
		}
	}
	word, _, _ := strings.Cut(sql, " ")
	return strings.ToUpper(word)
}
