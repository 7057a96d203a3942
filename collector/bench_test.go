package collector

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// largeAccount is the size the README's figures are stated for.
var largeAccount = fakeapi.Size{fakeapi.Droplets: 10000, fakeapi.Clusters: 200, fakeapi.Databases: 500, fakeapi.Apps: 1000, fakeapi.Firewalls: 100, fakeapi.LoadBalancers: 50}

// largeSource is the large account, listed: its monitored kinds, off by
// default, would read every Droplet's metrics first (BenchmarkDropletMetricsScrape).
func largeSource(b *testing.B) (*fakeapi.Server, *inventory.Refresher) {
	return startAPIOf(b, fakeapi.Generate(largeAccount), inventory.ListedKinds())
}

// BenchmarkScrape gathers and encodes every collector's metrics of a large
// account, as one /metrics request does (without compression).
func BenchmarkScrape(b *testing.B) {
	_, r := largeSource(b)
	src := inventory.Refreshers{r}
	benchmarkScrape(b, NewGatherer(src, func(string) bool { return true }), "identity")
}

// BenchmarkScrapeGzip is BenchmarkScrape with the gzip compression that
// Prometheus asks for by default.
func BenchmarkScrapeGzip(b *testing.B) {
	_, r := largeSource(b)
	src := inventory.Refreshers{r}
	benchmarkScrape(b, NewGatherer(src, func(string) bool { return true }), "gzip")
}

// BenchmarkScrapeWhileAPIHangs is the same scrape while every API request
// hangs and refreshes keep trying: the figures must match BenchmarkScrape.
func BenchmarkScrapeWhileAPIHangs(b *testing.B) {
	api, r := largeSource(b)
	api.SetFault("*", fakeapi.Fault{Hang: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	benchmarkScrape(b, NewGatherer(inventory.Refreshers{r}, func(string) bool { return true }), "identity")
}

// prometheus3Accept is what Prometheus 3 asks for by default, less compression.
const prometheus3Accept = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5," +
	"text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2"

// benchmarkScrape serves /metrics through promhttp, as the exporter does,
// to a client that asks what Prometheus 3 asks; compression is measured
// apart, by BenchmarkScrapeGzip.
func benchmarkScrape(b *testing.B, g prometheus.Gatherer, acceptEncoding string) {
	handler := promhttp.HandlerFor(g, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.Header.Set("Accept", prometheus3Accept)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		rec := &countingWriter{header: http.Header{}}
		handler.ServeHTTP(rec, req)
		if rec.code != 0 && rec.code != http.StatusOK {
			b.Fatalf("status %d", rec.code)
		}
		size = rec.size
	}
	b.ReportMetric(float64(size), "bytes/scrape")
}

// countingWriter is a ResponseWriter that keeps only the size of the body.
type countingWriter struct {
	header http.Header
	code   int
	size   int
}

func (w *countingWriter) Header() http.Header         { return w.header }
func (w *countingWriter) WriteHeader(code int)        { w.code = code }
func (w *countingWriter) Write(p []byte) (int, error) { w.size += len(p); return len(p), nil }

// BenchmarkScrapeAfterListChange is the worst case: every list looks freshly
// refreshed at every scrape, so nothing comes from the cache.
func BenchmarkScrapeAfterListChange(b *testing.B) {
	_, r := largeSource(b)
	src := inventory.Refreshers{r}
	benchmarkScrape(b, NewGatherer(&alwaysNewSource{base: src.Snapshots()[0]}, func(string) bool { return true }), "identity")
}

// alwaysNewSource serves the same lists as if each had just been refreshed,
// or, still, as they are.
type alwaysNewSource struct {
	base  *inventory.Snapshot
	still bool
	tick  atomic.Int64
}

func (a *alwaysNewSource) Snapshots() []*inventory.Snapshot {
	if a.still {
		return []*inventory.Snapshot{a.base}
	}
	s := *a.base
	s.Status = maps.Clone(s.Status)
	for kind, status := range s.Status {
		status.LastSuccess = status.LastSuccess.Add(time.Duration(a.tick.Add(1)))
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
	g := NewGatherer(&alwaysNewSource{base: monitoredSource(b), still: true},
		func(name string) bool { return name == inventory.KindDropletMetrics })
	benchmarkScrape(b, g, "identity")
}

// BenchmarkDropletMetricsAfterReading is the scrape that follows a
// reading: each publishes what the kind knows, so the collector's families
// are built anew, as every second while a round runs.
func BenchmarkDropletMetricsAfterReading(b *testing.B) {
	g := NewGatherer(&alwaysNewSource{base: monitoredSource(b)}, func(name string) bool { return name == inventory.KindDropletMetrics })
	benchmarkScrape(b, g, "identity")
}
