package web

import (
	"net/http"
	"net/http/httptest"
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
