package inventory

import (
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// BenchmarkRefresh lists every kind of a large account (10,000 Droplets, 200
// clusters, 500 databases, 1,000 apps) from the fake API over loopback HTTP:
// every listed kind, not the monitored ones. The figures include the fake's
// side of each request.
func BenchmarkRefresh(b *testing.B) {
	api := newTestAPIOf(b, fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 10000, fakeapi.Clusters: 200, fakeapi.Databases: 500, fakeapi.Apps: 1000, fakeapi.Firewalls: 100, fakeapi.LoadBalancers: 50}), ListedKinds())
	b.ReportAllocs()
	for b.Loop() {
		s := api.refresh(b)
		if len(Droplets.Of(s)) != 10000 || len(Apps.Of(s)) != 1000 {
			b.Fatalf("listed %d droplets, %d apps", len(Droplets.Of(s)), len(Apps.Of(s)))
		}
	}
	b.ReportMetric(float64(len(api.Requests()))/float64(b.N), "requests/op")
}
