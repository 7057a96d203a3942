package inventory

import (
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// BenchmarkRefresh lists every kind of the large account (fakeapi.LargeAccount:
// 10,000 Droplets and what surrounds them) from the fake API over loopback
// HTTP, lists and details: every listed kind, not the monitored ones. The
// figures include the fake's side of each request.
func BenchmarkRefresh(b *testing.B) {
	size := fakeapi.LargeAccount
	api := newTestAPIOf(b, fakeapi.Generate(size), ListedKinds())
	b.ReportAllocs()
	for b.Loop() {
		s := api.refresh(b)
		droplets, volumes := len(Droplets.Of(s)), len(Volumes.Of(s))
		if droplets != size[fakeapi.Droplets]+size[fakeapi.GPUDroplets] || volumes != size[fakeapi.Volumes] {
			b.Fatalf("listed %d droplets, %d volumes; the account has %v", droplets, volumes, size)
		}
	}
	b.ReportMetric(float64(len(api.Requests()))/float64(b.N), "requests/op")
}
