//go:build linux

package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// pageAccount is the size the page benchmarks are stated for.
var pageAccount = fakeapi.Size{fakeapi.Droplets: 40000}

const benchToken = "dop_v1_page_benchmark"

// refreshedAccount lists pageAccount once from the fake API on 127.0.0.1
// through a real refresher, and returns what it published.
func refreshedAccount(b testing.TB) *inventory.Snapshot {
	api, err := fakeapi.NewServer(benchToken, fakeapi.Generate(pageAccount))
	if err != nil {
		b.Fatal(err)
	}
	defer api.Close()
	r, err := inventory.NewRefresher(inventory.Options{
		Account:  "default",
		Client:   inventory.ClientOptions{BaseURL: api.URL, Token: func() string { return benchToken }, Timeout: time.Minute},
		Kinds:    inventory.ListedKinds(),
		Interval: time.Minute,
		Logger:   log.NewNopLogger(),
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r.Refresh(ctx)
	s := r.Snapshot()
	if n := len(inventory.Droplets.Of(s)); n != pageAccount[fakeapi.Droplets] {
		b.Fatalf("%d Droplets listed, want %d", n, pageAccount[fakeapi.Droplets])
	}
	return s
}

// BenchmarkPages sends the page, /inventory and /inventory?format=csv of
// pageAccount, one request at a time and 50 at once, to the handlers as
// main wires them (with room for 50 requests at once), as a browser asks
// (Accept-Encoding: gzip) and, for /inventory, as curl does (no gzip). A
// fresh op comes right after a refresh: every op sees a new version of
// the lists. A cached one asks for the version the op before asked for.
// Besides time and allocations per op (one request, or 50), it reports
// the CPU time of the whole process per op, garbage collection included,
// and how far the ops raised its peak resident memory above what it held
// before.
func BenchmarkPages(b *testing.B) {
	src := &versionedSource{base: refreshedAccount(b)}
	pages := NewPages(src, PagesConfig{Landing: LandingConfig{Name: "bench", MetricsPath: "/metrics"}, MaxRequests: 50})
	landing, inventory := pages.Landing(), pages.Inventory()
	for _, page := range []struct {
		name, target   string
		handler        http.Handler
		acceptEncoding string
	}{
		{"landing", "/", landing, "gzip"},
		{"json", "/inventory", inventory, "gzip"},
		{"json-plain", "/inventory", inventory, ""},
		{"csv", "/inventory?format=csv", inventory, "gzip"},
		{"csv-plain", "/inventory?format=csv", inventory, ""},
	} {
		req := httptest.NewRequest(http.MethodGet, page.target, nil)
		req.Header.Set("Accept-Encoding", page.acceptEncoding)
		for _, fresh := range []bool{true, false} {
			for _, parallel := range []int{1, 50} {
				name := fmt.Sprintf("%s/%s/parallel=%d", page.name, map[bool]string{true: "fresh", false: "cached"}[fresh], parallel)
				b.Run(name, func(b *testing.B) { benchmarkRequests(b, src, page.handler, req, fresh, parallel) })
			}
		}
	}
}

func benchmarkRequests(b *testing.B, src *versionedSource, h http.Handler, req *http.Request, fresh bool, parallel int) {
	serve(b, h, req, 1) // the cached ops' version is built before they start
	base := testtool.ResetPeakRSS(b)
	cpu := testtool.CPUTime()
	size := 0
	b.ReportAllocs()
	for b.Loop() {
		if fresh {
			src.refresh()
		}
		size = serve(b, h, req, parallel)
	}
	b.ReportMetric(float64(testtool.CPUTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size), "bytes/response")
	b.ReportMetric(testtool.PeakRSSAddedMiB(b, base), "peak-RSS-added-MiB")
}

// serve sends req to h from n goroutines at once, and returns the size of
// one answer's body.
func serve(b *testing.B, h http.Handler, req *http.Request, n int) int {
	sizes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			w := testtool.NewDiscardWriter()
			h.ServeHTTP(w, req)
			if w.Code != 0 && w.Code != http.StatusOK {
				b.Errorf("%s: status %d", req.URL, w.Code)
			}
			sizes[i] = w.Size
		})
	}
	wg.Wait()
	return sizes[0]
}

// versionedSource serves one snapshot as if it had just been refreshed,
// again at every call of refresh.
type versionedSource struct {
	base    *inventory.Snapshot
	version atomic.Int64
}

func (v *versionedSource) refresh() { v.version.Add(1) }

func (v *versionedSource) Snapshots() []*inventory.Snapshot {
	s := *v.base
	s.Status = maps.Clone(s.Status)
	for kind, status := range s.Status {
		status.LastSuccess = status.LastSuccess.Add(time.Duration(v.version.Load()))
		s.Status[kind] = status
	}
	return []*inventory.Snapshot{&s}
}
