package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// compressMin is the smallest body worth compressing. A response that fits
// in TCP's initial congestion window (10 segments, ~14 KB, less the headers)
// reaches a phone in the first round trip, compressed or not, so squeezing
// it buys the visitor nothing and cost a fifth of a public page's CPU
// (profile in README « Benchmarks »). The agenda (~200 KB) and the assets
// still travel compressed.
const compressMin = 12 << 10

// compressLarge compresses, at the fastest level, bodies of compressMin
// bytes or more and streamed ones (static files, whose size is not known
// without reading them).
func compressLarge() fiber.Handler {
	compress := fasthttp.CompressHandlerBrotliLevel(func(*fasthttp.RequestCtx) {},
		fasthttp.CompressBrotliBestSpeed, fasthttp.CompressBestSpeed)
	return func(c *fiber.Ctx) error {
		if err := c.Next(); err != nil {
			return err
		}
		if r := c.Response(); r.IsBodyStream() || len(r.Body()) >= compressMin {
			compress(c.Context())
		}
		return nil
	}
}
