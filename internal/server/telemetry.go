package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/carnet-salon/carnet/internal/config"
)

// startTracing returns the tracer provider, as both its concrete type (to
// flush at Close) and the interface the parts take; both nil without an
// endpoint, so nothing is traced and nothing costs.
func startTracing(ctx context.Context, cfg config.Config) (*sdktrace.TracerProvider, trace.TracerProvider, error) {
	if cfg.OTLPEndpoint == "" {
		return nil, nil, nil
	}
	tp, err := newTracing(ctx, cfg.OTLPEndpoint)
	if err != nil {
		return nil, nil, err
	}
	return tp, tp, nil
}

// requestTracing is the request middleware, none without a provider.
func requestTracing(tp trace.TracerProvider) fiber.Handler {
	if tp == nil {
		return nil
	}
	return traceRequests(tp)
}

// newTracing sends traces to the OTLP/HTTP collector at endpoint. The
// exporter still reads the other OTEL_EXPORTER_OTLP_* variables (headers,
// timeout) and the SDK OTEL_TRACES_SAMPLER and OTEL_SERVICE_NAME, so an
// operator tunes them the way every OpenTelemetry program is tuned.
func newTracing(ctx context.Context, endpoint string) (*sdktrace.TracerProvider, error) {
	exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(endpoint+"/v1/traces"))
	if err != nil {
		return nil, fmt.Errorf("server: trace exporter: %w", err)
	}
	// Later detectors win: the environment may rename the service.
	res, err := resource.New(ctx, resource.WithAttributes(attribute.String("service.name", "carnet")),
		resource.WithFromEnv(), resource.WithTelemetrySDK(), resource.WithHost())
	if err != nil {
		return nil, fmt.Errorf("server: trace resource: %w", err)
	}
	return sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res)), nil
}

// traceRequests is the Fiber middleware that makes a span of each request,
// named after its route (GET /b/:slug), continuing the caller's trace when
// a traceparent header comes with it. It runs after the request's context
// is made, so the handlers' queries and jobs become its children.
func traceRequests(tp trace.TracerProvider) fiber.Handler {
	tracer := tp.Tracer("github.com/carnet-salon/carnet/internal/web")
	prop := propagation.TraceContext{}
	return func(c *fiber.Ctx) error {
		if skipTrace(c.Path()) {
			return c.Next()
		}
		ctx := prop.Extract(c.UserContext(), headerCarrier{c})
		ctx, span := tracer.Start(ctx, c.Method(), trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", c.Method())))
		defer span.End()
		c.SetUserContext(ctx)
		err := c.Next()
		if err != nil {
			// Answered here rather than further out, so the span records
			// the status the client gets (404 for a missing salon).
			span.RecordError(err)
			err = c.App().Config().ErrorHandler(c, err)
		}
		route := c.Route().Path
		span.SetName(c.Method() + " " + route)
		status := c.Response().StatusCode()
		span.SetAttributes(attribute.String("http.route", route), attribute.Int("http.response.status_code", status))
		if status >= 500 {
			span.SetStatus(codes.Error, fmt.Sprint(status))
		}
		return err
	}
}

// skipTrace leaves out the probes and scrapes that arrive every few
// seconds and would drown the traces people look for.
func skipTrace(path string) bool {
	return path == "/healthz" || path == "/readyz" || path == "/metrics" || strings.HasPrefix(path, "/static/")
}

type headerCarrier struct{ c *fiber.Ctx }

func (h headerCarrier) Get(key string) string { return h.c.Get(key) }
func (h headerCarrier) Set(string, string)    {}
func (h headerCarrier) Keys() []string        { return nil }
