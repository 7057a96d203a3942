package inventory

import (
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// BenchmarkRefresh lists every kind of a large account (10,000 Droplets, 200
// clusters, 500 databases, 1,000 apps) from the fake API over loopback HTTP.
// The figures include the fake's side of each request.
func BenchmarkRefresh(b *testing.B) {
	api := newTestAPI(b, fakeapi.Generate(fakeapi.Size{Droplets: 10000, Clusters: 200, Databases: 500, Apps: 1000, Firewalls: 100, LoadBalancers: 50}))
	b.ReportAllocs()
	for b.Loop() {
		s := api.refresh(b)
		if len(s.Droplets) != 10000 || len(s.Apps) != 1000 {
			b.Fatalf("listed %d droplets, %d apps", len(s.Droplets), len(s.Apps))
		}
	}
	b.ReportMetric(float64(len(api.Requests()))/float64(b.N), "requests/op")
}
