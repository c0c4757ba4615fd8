package testkit

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/require"
)

// Client is a browser stand-in: it keeps cookies, sends the CSRF token with
// every form like the pages do, does not follow redirects on its own (tests
// assert them), and comes from its own IP address.
type Client struct {
	t    testing.TB
	base string
	http *http.Client
	IP   string
	// Header is added to every request (e.g. HX-Request for htmx).
	Header http.Header
}

// Page is a response with its HTML parsed.
type Page struct {
	Status int
	Header http.Header
	Body   string
	Doc    *goquery.Document
}

// NewClient returns a fresh visitor.
func (e *Env) NewClient() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{t: e.T, base: e.URL, Header: http.Header{},
		IP:   fmt.Sprintf("10.%d.%d.%d", rand.IntN(250), rand.IntN(250), 1+rand.IntN(250)),
		http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Get requests a page.
func (c *Client) Get(path string) *Page {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	require.NoError(c.t, err)
	return c.do(req)
}

// Post submits a form with the CSRF token the page would carry.
func (c *Client) Post(path string, form url.Values) *Page {
	c.t.Helper()
	withToken := url.Values{}
	for k, v := range form {
		withToken[k] = v
	}
	if withToken.Get("_csrf") == "" {
		withToken.Set("_csrf", c.CSRF())
	}
	return c.PostRaw(path, withToken)
}

// PostRaw submits a form exactly as given (no CSRF token added).
func (c *Client) PostRaw(path string, form url.Values) *Page {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	require.NoError(c.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// CSRF returns the visitor's CSRF token, fetching a page first if needed.
func (c *Client) CSRF() string {
	c.t.Helper()
	if tok := c.Cookie("carnet_csrf"); tok != "" {
		return tok
	}
	c.Get("/login")
	tok := c.Cookie("carnet_csrf")
	require.NotEmpty(c.t, tok, "no CSRF cookie after visiting /login")
	return tok
}

// Cookie returns a cookie's value for the site.
func (c *Client) Cookie(name string) string {
	u, _ := url.Parse(c.base)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// Follow requests where a redirect points.
func (c *Client) Follow(p *Page) *Page {
	c.t.Helper()
	loc := p.Location()
	require.NotEmpty(c.t, loc, "expected a redirect, got %d", p.Status)
	return c.Get(loc)
}

func (c *Client) do(req *http.Request) *Page {
	c.t.Helper()
	req.Header.Set("X-Forwarded-For", c.IP)
	req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
	for k, v := range c.Header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(b)))
	require.NoError(c.t, err)
	return &Page{Status: resp.StatusCode, Header: resp.Header, Body: string(b), Doc: doc}
}

// Location is where a redirect (303 or htmx's HX-Redirect) points.
func (p *Page) Location() string {
	if l := p.Header.Get("HX-Redirect"); l != "" {
		return l
	}
	return p.Header.Get("Location")
}

// Text returns the trimmed text of the elements matching sel.
func (p *Page) Text(sel string) string { return strings.TrimSpace(p.Doc.Find(sel).Text()) }

// Value returns the value attribute of the first element matching sel.
func (p *Page) Value(sel string) string { v, _ := p.Doc.Find(sel).First().Attr("value"); return v }

// FieldError returns the message shown under a form field.
func (p *Page) FieldError(field string) string { return p.Text("#" + field + "-msg") }

// Response is a raw answer, for tests that fire requests from goroutines
// (where require cannot stop the test).
type Response struct {
	Status int
	Body   string
}

// Do sends a prepared request with the visitor's cookies and address.
func (c *Client) Do(req *http.Request) (Response, error) {
	req.Header.Set("X-Forwarded-For", c.IP)
	resp, err := c.http.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return Response{Status: resp.StatusCode, Body: string(b)}, err
}
