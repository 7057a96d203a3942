package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

type staticSource []*inventory.Snapshot

func (s staticSource) Snapshots() []*inventory.Snapshot { return s }

func snapshot(account string, refreshes ...int) *inventory.Snapshot {
	s := &inventory.Snapshot{Account: account, Status: map[string]inventory.Status{}}
	for i, n := range refreshes {
		s.Status[inventory.Kinds()[i]] = inventory.Status{Refreshes: n}
	}
	return s
}

func TestReadyWaitsForEveryKindOfEveryAccount(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  staticSource
		want int
	}{
		{"nothing refreshed", staticSource{snapshot("a", 0, 0)}, http.StatusServiceUnavailable},
		{"one kind pending", staticSource{snapshot("a", 1, 0)}, http.StatusServiceUnavailable},
		{"all refreshed once", staticSource{snapshot("a", 1, 3)}, http.StatusOK},
		{"second account pending", staticSource{snapshot("a", 1, 1), snapshot("b", 0, 1)}, http.StatusServiceUnavailable},
	} {
		rec := httptest.NewRecorder()
		Ready(tc.src).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/-/ready", nil))
		if rec.Code != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, rec.Code, tc.want)
		}
	}
}

func post(h http.Handler, header ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "http://localhost:9212/-/reload", nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestReloadRefusesCrossSiteRequests: what a page on another site can make
// a browser send is refused before anything reloads; curl, Prometheus'
// tools and the exporter's own origin are served.
func TestReloadRefusesCrossSiteRequests(t *testing.T) {
	reloads := 0
	h := Reload(func() error { reloads++; return nil })
	for _, tc := range []struct {
		name   string
		header []string
		want   int
	}{
		{"curl -X POST", nil, http.StatusOK},
		{"same origin", []string{"Origin", "http://localhost:9212"}, http.StatusOK},
		{"a tool's JSON", []string{"Content-Type", "application/json"}, http.StatusOK},
		{"same origin, by the browser's word", []string{"Sec-Fetch-Site", "same-origin"}, http.StatusOK},
		{"another origin", []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"another port", []string{"Origin", "http://localhost:3000"}, http.StatusForbidden},
		{"an opaque origin", []string{"Origin", "null"}, http.StatusForbidden},
		{"cross-site, by the browser's word", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"a form", []string{"Content-Type", "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"a multipart form", []string{"Content-Type", "multipart/form-data; boundary=x"}, http.StatusUnsupportedMediaType},
		{"plain text", []string{"Content-Type", "text/plain;charset=UTF-8"}, http.StatusUnsupportedMediaType},
	} {
		before := reloads
		rec := post(h, tc.header...)
		if rec.Code != tc.want {
			t.Errorf("%s: %d %q, want %d", tc.name, rec.Code, rec.Body, tc.want)
		}
		if reloaded := reloads > before; reloaded != (tc.want == http.StatusOK) {
			t.Errorf("%s: reloaded = %v", tc.name, reloaded)
		}
	}
}

func TestReloadAnswers(t *testing.T) {
	const token = "dop_v1_reload_test_0123456789"
	for _, tc := range []struct {
		name string
		err  error
		want int
		body string
	}{
		{"reloaded", nil, http.StatusOK, "Reloaded."},
		{"nothing to reload", fmt.Errorf("%w: started without --config.file", ErrNothingToReload), http.StatusConflict,
			"nothing to reload: started without --config.file"},
		{"broken file", errors.New(`config file "a.yml": accounts[0] ("a"): unknown field "tokens"`), http.StatusInternalServerError,
			`Reload failed: config file "a.yml": accounts[0] ("a"): unknown field "tokens"`},
		{"a token in the reason", errors.New("unexpected " + token), http.StatusInternalServerError, "Reload failed: unexpected <redacted>"},
	} {
		rec := post(Reload(func() error { return tc.err }))
		if rec.Code != tc.want || !strings.Contains(rec.Body.String(), tc.body) || strings.Contains(rec.Body.String(), token) {
			t.Errorf("%s: %d %q, want %d %q", tc.name, rec.Code, rec.Body, tc.want, tc.body)
		}
	}
}
