// Package web serves the exporter's pages other than /metrics.
package web

import (
	"errors"
	"fmt"
	"mime"
	"net/http"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Healthy answers 200 while the process serves HTTP at all.
func Healthy() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "Healthy.")
	})
}

// Ready answers 200 once every enabled resource kind of every account has
// finished its first refresh, worked or not, and 503 before: until then
// /metrics would show an account with holes in it.
func Ready(src inventory.Source) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for _, s := range src.Snapshots() {
			if !s.Ready() {
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintf(w, "Not ready: account %q has not finished its first refresh.\n", s.Account)
				return
			}
		}
		fmt.Fprintln(w, "Ready.")
	})
}

// ErrNothingToReload is the reload's error when there is no file to reload.
var ErrNothingToReload = errors.New("nothing to reload")

// Reload answers POST /-/reload by reloading the configuration: 200 when
// it worked, 409 when there is nothing to reload, 500 with the reason when
// it did not (the running configuration then stays). It refuses what a
// web page elsewhere could make a browser send: a request from another
// origin, or a form's body.
func Reload(reload func() error) http.Handler {
	reloadHandler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); simpleForm[mediaType] {
			http.Error(w, "Reload refused: a form's body ("+mediaType+"), as a page on another site could send; "+
				"POST without a body (curl -X POST .../-/reload).", http.StatusUnsupportedMediaType)
			return
		}
		err := reload()
		switch {
		case errors.Is(err, ErrNothingToReload):
			http.Error(w, config.RedactTokens(err.Error()), http.StatusConflict)
		case err != nil:
			http.Error(w, "Reload failed: "+config.RedactTokens(err.Error()), http.StatusInternalServerError)
		default:
			fmt.Fprintln(w, "Reloaded.")
		}
	})
	protection := http.NewCrossOriginProtection()
	protection.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "Reload refused: the request comes from another site (Origin or Sec-Fetch-Site).", http.StatusForbidden)
	}))
	return protection.Handler(reloadHandler)
}

// simpleForm are the content types a cross-site form may send without
// asking the server first (a CORS "simple request").
var simpleForm = map[string]bool{
	"application/x-www-form-urlencoded": true,
	"multipart/form-data":               true,
	"text/plain":                        true,
}
