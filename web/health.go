// Package web serves the exporter's pages other than /metrics.
package web

import (
	"fmt"
	"net/http"

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

// Reload answers POST /-/reload by reloading the configuration: 200 when
// it worked, 500 with the reason when it did not (the running
// configuration then stays).
func Reload(reload func() error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if err := reload(); err != nil {
			http.Error(w, "Reload failed: "+err.Error(), http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, "Reloaded.")
	})
}
