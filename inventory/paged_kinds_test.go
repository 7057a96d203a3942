package inventory

import (
	"net/url"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestKindsAreListedToTheEnd lists more than a page of a kind: every
// object arrives once, with the fewest requests of 200 objects.
func TestKindsAreListedToTheEnd(t *testing.T) {
	for _, tc := range []struct {
		kind     string
		size     fakeapi.Size
		requests map[string]int // by path
	}{
		{KindSnapshots, fakeapi.Size{fakeapi.Snapshots: 201}, map[string]int{"/v2/snapshots": 2}},
		{KindImages, fakeapi.Size{fakeapi.Images: 201}, map[string]int{"/v2/images": 2}},
		{KindReservedIPs, fakeapi.Size{fakeapi.ReservedIPs: 201, fakeapi.ReservedIPv6s: 201},
			map[string]int{"/v2/reserved_ips": 2, "/v2/reserved_ipv6": 2}},
		{KindCertificates, fakeapi.Size{fakeapi.Certificates: 201}, map[string]int{"/v2/certificates": 2}},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			api := newTestAPI(t, fakeapi.Generate(tc.size))
			s := api.refresh(t)
			want := 0
			for _, n := range tc.size {
				want += n
			}
			ids := map[string]bool{}
			for _, w := range KindNamed(tc.kind).Workloads(s) {
				ids[w.ID] = true
			}
			if len(ids) != want {
				t.Errorf("%d distinct %s listed, want %d", len(ids), tc.kind, want)
			}
			for path, n := range tc.requests {
				if got := api.Count("GET", path); got != n {
					t.Errorf("%s: %d requests, want %d", path, got, n)
				}
			}
			for _, req := range api.Requests() {
				q, _ := url.ParseQuery(req.RawQuery)
				if _, ok := tc.requests[req.Path]; ok && q.Get("per_page") != "200" {
					t.Errorf("%s?%s does not ask for 200 per page", req.Path, req.RawQuery)
				}
			}
		})
	}
}
