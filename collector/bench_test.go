package collector

import (
	"context"
	"io"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// largeAccount is the size the README's figures are stated for.
var largeAccount = fakeapi.Size{Droplets: 10000, Clusters: 200, Databases: 500, Apps: 1000}

// BenchmarkScrape gathers and encodes every collector's metrics of a large
// account, as one /metrics request does (without compression).
func BenchmarkScrape(b *testing.B) {
	src := refreshedSource(b, fakeapi.Generate(largeAccount))
	benchmarkScrape(b, NewRegistry(src, func(string) bool { return true }))
}

// BenchmarkScrapeWhileAPIHangs is the same scrape while every API request
// hangs and refreshes keep trying: the figures must match BenchmarkScrape.
func BenchmarkScrapeWhileAPIHangs(b *testing.B) {
	api, err := fakeapi.NewServer(testToken, fakeapi.Generate(largeAccount))
	if err != nil {
		b.Fatal(err)
	}
	defer api.Close()
	r := newTestRefresher(b, api.URL)
	r.Refresh(context.Background())
	api.SetFault("*", fakeapi.Fault{Hang: true})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	benchmarkScrape(b, NewRegistry(inventory.Refreshers{r}, func(string) bool { return true }))
}

func benchmarkScrape(b *testing.B, reg *prometheus.Registry) {
	b.ReportAllocs()
	series := 0
	for b.Loop() {
		families, err := reg.Gather()
		if err != nil {
			b.Fatal(err)
		}
		enc := expfmt.NewEncoder(io.Discard, expfmt.NewFormat(expfmt.TypeTextPlain))
		series = 0
		for _, mf := range families {
			series += len(mf.GetMetric())
			if err := enc.Encode(mf); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(series), "series")
}
