//go:build linux

package collector

import (
	"bytes"
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// largeAccounts are the sizes the scrape benchmarks are stated for: the
// fleet of workloads alone, and the whole account around it.
var largeAccounts = []struct {
	name string
	size fakeapi.Size
}{{"fleet", fakeapi.LargeFleet}, {"account", fakeapi.LargeAccount}}

// benchmarkLarge runs bench for each of largeAccounts, listed: their
// monitored kinds, off by default, would read every Droplet's metrics
// first (BenchmarkDropletMetricsScrape).
func benchmarkLarge(b *testing.B, bench func(*testing.B, *fakeapi.Server, *inventory.Refresher)) {
	for _, a := range largeAccounts {
		b.Run(a.name, func(b *testing.B) {
			api, r := startAPIOf(b, fakeapi.Generate(a.size), inventory.ListedKinds())
			bench(b, api, r)
		})
	}
}

// BenchmarkScrape serves /metrics of a large account, as Prometheus 3 asks
// for it, without compression.
func BenchmarkScrape(b *testing.B) {
	benchmarkLarge(b, func(b *testing.B, _ *fakeapi.Server, r *inventory.Refresher) {
		benchmarkScrape(b, NewGatherer(inventory.Refreshers{r}, everything), "identity")
	})
}

// BenchmarkScrapeGzip is BenchmarkScrape with the gzip compression that
// Prometheus asks for by default.
func BenchmarkScrapeGzip(b *testing.B) {
	benchmarkLarge(b, func(b *testing.B, _ *fakeapi.Server, r *inventory.Refresher) {
		benchmarkScrape(b, NewGatherer(inventory.Refreshers{r}, everything), "gzip")
	})
}

// BenchmarkScrapeWhileAPIHangs is BenchmarkScrapeGzip while every API
// request hangs and refreshes keep trying: the figures must match.
func BenchmarkScrapeWhileAPIHangs(b *testing.B) {
	benchmarkLarge(b, func(b *testing.B, api *fakeapi.Server, r *inventory.Refresher) {
		api.SetFault("*", fakeapi.Fault{Hang: true})
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go r.Run(ctx)
		benchmarkScrape(b, NewGatherer(inventory.Refreshers{r}, everything), "gzip")
	})
}

// BenchmarkScrapeAfterDropletsChange: the Droplets look freshly refreshed
// at every scrape, so the collectors that read them (Droplets, firewalls,
// load balancers, tags, posture, cost, ...) are built anew by the scrape
// itself, as when it arrives before Warm has rebuilt them.
func BenchmarkScrapeAfterDropletsChange(b *testing.B) {
	benchmarkLarge(b, func(b *testing.B, _ *fakeapi.Server, r *inventory.Refresher) {
		changing := &changingSource{base: r.Snapshot(), kinds: []string{inventory.KindDroplets}}
		benchmarkScrape(b, NewGatherer(changing, everything), "gzip")
	})
}

// BenchmarkScrapeAfterEveryListChange is the worst case: every list looks
// freshly refreshed at every scrape, so nothing comes from the cache.
func BenchmarkScrapeAfterEveryListChange(b *testing.B) {
	benchmarkLarge(b, func(b *testing.B, _ *fakeapi.Server, r *inventory.Refresher) {
		changing := &changingSource{base: r.Snapshot(), kinds: inventory.ListedKinds()}
		benchmarkScrape(b, NewGatherer(changing, everything), "gzip")
	})
}

// benchmarkScrape serves /metrics as the exporter does, to a client that
// asks what Prometheus 3 asks. Besides time and allocations it reports the
// CPU time of the whole process per scrape (garbage collection included)
// and how far the scrapes raised its peak resident memory above what it
// held before (the whole exporter's is BenchmarkExporterMemory's).
func benchmarkScrape(b *testing.B, g *Gatherer, acceptEncoding string) {
	handler := g.Handler(HandlerOpts{})
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.Header.Set("Accept", testtool.PrometheusAccept)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	handler.ServeHTTP(testtool.NewDiscardWriter(), req) // what a cache holds is built once
	series := countSeries(b, handler)
	size := 0
	base := testtool.ResetPeakRSS(b)
	cpu := testtool.CPUTime()
	b.ReportAllocs()
	for b.Loop() {
		rec := testtool.NewDiscardWriter()
		handler.ServeHTTP(rec, req)
		if rec.Code != 0 && rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
		size = rec.Size
	}
	b.ReportMetric(float64(testtool.CPUTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size), "bytes/scrape")
	b.ReportMetric(float64(series), "series")
	b.ReportMetric(testtool.PeakRSSAddedMiB(b, base), "peak-RSS-added-MiB")
}

// countSeries is how many samples a scrape in the text format holds.
func countSeries(b *testing.B, handler http.Handler) int {
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	n := 0
	for line := range bytes.Lines(rec.Body.Bytes()) {
		if !bytes.HasPrefix(line, []byte("#")) {
			n++
		}
	}
	if rec.Code != http.StatusOK || n == 0 {
		b.Fatalf("status %d, %d series", rec.Code, n)
	}
	return n
}

// changingSource serves the same lists as if those of kinds had just been
// refreshed, at every call; with no kinds, as they are.
type changingSource struct {
	base  *inventory.Snapshot
	kinds []string
	tick  atomic.Int64
}

func (c *changingSource) Snapshots() []*inventory.Snapshot {
	s := *c.base
	s.Status = maps.Clone(s.Status)
	now := time.Duration(c.tick.Add(1))
	for _, kind := range c.kinds {
		status := s.Status[kind]
		status.LastSuccess = status.LastSuccess.Add(now)
		s.Status[kind] = status
	}
	return []*inventory.Snapshot{&s}
}

// monitoredAccount is the size BenchmarkDropletMetricsScrape is stated for:
// 1,000 Droplets (899 active, with the agent), every group read, bandwidth
// included, about 27,000 series.
var monitoredAccount = fakeapi.Size{fakeapi.Droplets: 1000}

func monitoredSource(b *testing.B) *inventory.Snapshot {
	api, err := fakeapi.NewServer(testToken, fakeapi.Generate(monitoredAccount))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(api.Close)
	r := newTestRefresher(b, api.URL, inventory.KindDropletMetrics)
	r.Refresh(context.Background())
	s := r.Snapshot()
	if n := len(inventory.DropletMetrics.Of(s).ByID); n != 899 {
		b.Fatalf("%d Droplets read, want 899", n)
	}
	return s
}

// BenchmarkDropletMetricsScrape serves the droplet_metrics collector's
// metrics of 1,000 Droplets from the cache, as between two readings.
func BenchmarkDropletMetricsScrape(b *testing.B) {
	g := NewGatherer(&changingSource{base: monitoredSource(b)},
		func(name string) bool { return name == inventory.KindDropletMetrics })
	benchmarkScrape(b, g, "gzip")
}

// BenchmarkDropletMetricsAfterReading is the scrape that follows a
// reading: each publishes what the kind knows, so the collector's families
// are built anew, as every second while a round runs.
func BenchmarkDropletMetricsAfterReading(b *testing.B) {
	g := NewGatherer(&changingSource{base: monitoredSource(b), kinds: []string{inventory.KindDropletMetrics}},
		func(name string) bool { return name == inventory.KindDropletMetrics })
	benchmarkScrape(b, g, "gzip")
}
