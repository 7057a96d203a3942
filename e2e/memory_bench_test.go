//go:build linux

package e2e

import (
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/procstat"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// BenchmarkExporterMemory runs the exporter built for this run as a process
// of its own against the fake API serving a large account on 127.0.0.1
// (fakeapi.LargeFleet, then fakeapi.LargeAccount), every
// list refreshed every 5 seconds, and scrapes it back to back over loopback
// HTTP as Prometheus 3 does (its Accept header, gzip). It reports the
// exporter process's peak resident set size (VmHWM: start-up, first
// refresh, refreshes and scrapes), its CPU time per scrape, refreshes
// included, and how many times the Droplets were listed again meanwhile.
// Run it for long enough to span several refreshes: -benchtime=30s.
func BenchmarkExporterMemory(b *testing.B) {
	if raceEnabled {
		b.Fatal("run without -race: the race detector's memory would be measured with the exporter's")
	}
	for _, account := range []struct {
		name string
		size fakeapi.Size
	}{{"fleet", fakeapi.LargeFleet}, {"account", fakeapi.LargeAccount}} {
		// Go's default garbage collector, then with a soft memory limit
		// (docs/performance.md#memory).
		for _, limit := range []string{"off", "100MiB"} {
			b.Run(account.name+"/GOMEMLIMIT="+limit, func(b *testing.B) {
				benchmarkExporterMemory(b, account.size, map[string]string{"GOMEMLIMIT": limit})
			})
		}
	}
}

func benchmarkExporterMemory(b *testing.B, account fakeapi.Size, env map[string]string) {
	const token = "dop_v1_memory_benchmark"
	api := testtool.FakeAPI(b, token, fakeapi.Generate(account))
	env["DIGITALOCEAN_TOKEN"] = token
	e := launchExporter(b, exporterBinary(b), env,
		"--digitalocean.api-url="+api.URL, "--refresh.interval=5s", "--digitalocean.rate-limit-budget=0", "--log.level=warn")
	e.waitForWithin(b, 2*time.Minute, "/-/ready", http.StatusOK)
	perRefresh := api.Count(http.MethodGet, "/v2/droplets") // the first refresh's pages

	req, _ := http.NewRequest(http.MethodGet, e.url+"/metrics", nil)
	req.Header.Set("Accept", testtool.PrometheusAccept)
	req.Header.Set("Accept-Encoding", "gzip")
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	pid := strconv.Itoa(e.pid())
	cpu := readProc(b, procstat.CPU, pid)
	size := 0
	for b.Loop() {
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("scrape: %d, %v", resp.StatusCode, err)
		}
		size = int(n)
	}
	b.ReportMetric(float64(api.Count(http.MethodGet, "/v2/droplets")-perRefresh)/float64(perRefresh), "droplet-refreshes")
	b.ReportMetric(float64(readProc(b, procstat.CPU, pid)-cpu)/float64(b.N), "exporter-cpu-ns/op")
	b.ReportMetric(float64(size), "bytes/scrape")
	b.ReportMetric(float64(readProc(b, procstat.PeakRSS, pid))/(1<<20), "peak-RSS-MiB")
}

// readProc reads a figure of a process from /proc, or ends the benchmark.
func readProc[T any](b *testing.B, read func(pid string) (T, error), pid string) T {
	b.Helper()
	v, err := read(pid)
	if err != nil {
		b.Fatal(err)
	}
	return v
}
