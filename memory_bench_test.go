//go:build linux

package main

import (
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/procstat"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// BenchmarkExporterMemory builds the exporter and runs it as a process of
// its own against the fake API serving fakeapi.LargeAccount on 127.0.0.1, every
// list refreshed every 5 seconds, and scrapes it back to back over loopback
// HTTP as Prometheus 3 does (its Accept header, gzip). It reports the
// exporter process's peak resident set size (VmHWM: start-up, first
// refresh, refreshes and scrapes), its CPU time per scrape, refreshes
// included, and how many times the Droplets were listed again meanwhile.
// Run it for long enough to span several refreshes: -benchtime=30s.
func BenchmarkExporterMemory(b *testing.B) {
	const token = "dop_v1_memory_benchmark"
	api, err := fakeapi.NewServer(token, fakeapi.Generate(fakeapi.LargeAccount))
	if err != nil {
		b.Fatal(err)
	}
	defer api.Close()
	addr := freeAddress(b)
	exporter := startProcess(b, "exporter", []string{"DIGITALOCEAN_TOKEN=" + token}, buildExporter(b),
		"--web.listen-address="+addr, "--digitalocean.api-url="+api.URL, "--refresh.interval=5s",
		"--digitalocean.rate-limit-budget=0", "--log.level=warn")
	waitForReady(b, "http://"+addr)
	perRefresh := api.Count(http.MethodGet, "/v2/droplets") // the first refresh's pages

	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/metrics", nil)
	req.Header.Set("Accept", testtool.PrometheusAccept)
	req.Header.Set("Accept-Encoding", "gzip")
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	pid := strconv.Itoa(exporter.Pid)
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

// buildExporter builds the program under test into a temporary directory.
func buildExporter(b *testing.B) string {
	binary := filepath.Join(b.TempDir(), "digitalocean_exporter")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return binary
}

func waitForReady(b *testing.B, url string) {
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get(url + "/-/ready"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	b.Fatal("the exporter was not ready within 2 minutes")
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
