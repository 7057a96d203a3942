package web

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"html/template"
	"net/http"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// LandingConfig is what the landing page says of the exporter itself.
type LandingConfig struct {
	Name        string // the exporter's name, as the page title
	Version     string
	MetricsPath string
	Changes     RecentChanges // the last hour's changes; nil for none
}

//go:embed landing.html
var landingHTML string

var landingTemplate = template.Must(template.New("landing").Funcs(template.FuncMap{
	"formatTime":  formatTime,
	"formatPrice": formatPrice,
	"kindLabel":   kindLabel,
}).Parse(landingHTML))

// Landing serves the fleet at a glance: counts per kind and region, how
// fresh the data of each kind is, the posture findings with the workloads
// behind them beside DigitalOcean's own scan, the last hour's changes, and
// a page of the workloads the query's filters select, sorted as it asks.
// It is rendered on the server from the cache, so a filtered, sorted page
// is a link; the page loads nothing from anywhere, and its small inline
// script runs only with the nonce the Content-Security-Policy header names.
func (p *Pages) Landing() http.Handler {
	return p.limit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, filter, err := readQuery(r)
		var table tableQuery
		if err == nil {
			table, err = parseTableQuery(query)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req := landingRequest{filter, table}
		snapshots, changes := p.src.Snapshots(), readLastHour(p.landing.Changes)
		version := listsVersion(snapshots) + changes.version()
		page, err := p.pages.get(r.Context(), version, req.query().Encode(), func() (*stencil, error) {
			return p.renderLanding(snapshots, req, changes)
		})
		if r.Context().Err() != nil {
			return // the client went away
		}
		if err != nil {
			http.Error(w, "rendering the page failed: "+err.Error(), http.StatusInternalServerError)
			return
		}
		nonce := newNonce()
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+nonce+"'; style-src 'nonce-"+
			nonce+"'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if r.Method != http.MethodHead {
			page.writeTo(w, nonce, p.now()) // an error is the client's: it went away
		}
	}))
}

// renderLanding renders the page with marks for what each request fills in.
func (p *Pages) renderLanding(snapshots []*inventory.Snapshot, req landingRequest, changes lastHour) (*stencil, error) {
	var m marks
	view := newLandingView(snapshots, req, changes, m.since)
	view.Name, view.Version, view.MetricsPath = p.landing.Name, p.landing.Version, p.landing.MetricsPath
	view.Nonce = m.nonce()
	var page bytes.Buffer
	if err := landingTemplate.Execute(&page, view); err != nil {
		return nil, err
	}
	return m.cut(bytes.Clone(page.Bytes()))
}

// newNonce is a nonce for a Content-Security-Policy, in the base64 of URLs:
// letters, digits, - and _, which the page writes as they are.
func newNonce() string {
	b := make([]byte, 18)
	rand.Read(b) // never fails; see crypto/rand.Read
	return base64.RawURLEncoding.EncodeToString(b)
}
