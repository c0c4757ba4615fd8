// Package web is the Fiber application: one route table (routes.go), the
// middleware, the render helper, the one error handler, and a file of thin
// handlers per area. Handlers parse, call the area, render; logic lives below.
package web
