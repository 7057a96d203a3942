package web

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"time"

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
func Landing(src inventory.Source, cfg LandingConfig) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, filter, err := readQuery(r)
		var table tableQuery
		if err == nil {
			table, err = parseTableQuery(query)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		view := newLandingView(src.Snapshots(), landingRequest{filter, table, query}, cfg.Changes, time.Now())
		view.Name, view.Version, view.MetricsPath = cfg.Name, cfg.Version, cfg.MetricsPath
		view.Nonce = newNonce()
		var page bytes.Buffer
		if err := landingTemplate.Execute(&page, view); err != nil {
			http.Error(w, "rendering the page failed: "+err.Error(), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+view.Nonce+"'; style-src 'nonce-"+
			view.Nonce+"'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		w.Write(page.Bytes())
	})
}

func newNonce() string {
	b := make([]byte, 18)
	rand.Read(b) // never fails; see crypto/rand.Read
	return base64.StdEncoding.EncodeToString(b)
}
