// Package urls builds every path Carnet links to, redirects to or mails, so
// that a route is spelled once here and in the route table, never glued by
// hand in handlers, views or emails. It depends on nothing of Carnet: views,
// handlers and areas all use it. A test in internal/web checks that every
// function here builds a path the route table answers.
//
// Segments are not escaped: slugs, tokens and ids are URL-safe by
// construction, and the paths must stay byte-identical to the routes'.
package urls
