package e2e

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestPrometheusScrapesTheExporter runs the exporter with --demo and two
// of Debian's Prometheus servers scraping it, gzipped: one as Prometheus
// asks by default (OpenMetrics first), one with native histograms on
// (delimited protobuf first). Each finds the target up and holds every
// digitalocean_ series of the text exposition, which promtool accepts as
// it is served gzipped, with the metrics promhttp's handler adds. The
// collectors of the Monitoring API are off: they read one more Droplet
// every few seconds, so their series would grow while the test runs.
func TestPrometheusScrapesTheExporter(t *testing.T) {
	t.Parallel()
	binary := testtool.Find(t, "prometheus", "prometheus")
	args := []string{"--demo"}
	for _, flag := range monitoringFlags {
		args = append(args, strings.Replace(flag, "--collector.", "--no-collector.", 1))
	}
	e := startExporter(t, nil, args...)
	e.waitFor(t, "/-/ready", http.StatusOK)
	target := strings.TrimPrefix(e.url, "http://")
	servers := map[string]*promServer{
		"OpenMetrics": startPrometheus(t, binary, target),
		"protobuf":    startPrometheus(t, binary, target, "--enable-feature=native-histograms"),
	}

	text := e.getGzippedText(t)
	promtoolCheckMetrics(t, text)
	for _, handlerMetric := range []string{`promhttp_metric_handler_requests_total{code="200"}`,
		`promhttp_metric_handler_requests_in_flight 1`, `promhttp_metric_handler_errors_total{cause="encoding"} 0`} {
		if !strings.Contains(text, handlerMetric) {
			t.Errorf("the exposition lacks %s", handlerMetric)
		}
	}
	series := seriesPerMetric(text, "digitalocean_")
	if len(series) < 20 {
		t.Fatalf("only %d digitalocean_ metrics in the text exposition:\n%s", len(series), text)
	}
	for format, prom := range servers {
		prom.waitForHistory(t, 3)
		for name, want := range series {
			if got, err := prom.count(name + `{job="digitalocean"}`); err != nil || got != want {
				t.Errorf("Prometheus scraping %s: %d series of %s (%v), the exposition has %d", format, got, name, err, want)
			}
		}
	}
}

// getGzippedText fetches /metrics in the text format, gzipped; Go's
// client checks and removes the gzip.
func (e *exporter) getGzippedText(t *testing.T) string {
	t.Helper()
	resp, body := e.request(t, "/metrics", http.Header{"Accept": {"text/plain;version=0.0.4"}})
	if resp.StatusCode != http.StatusOK || !resp.Uncompressed || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("GET /metrics: %d, gzipped %v, %s", resp.StatusCode, resp.Uncompressed, resp.Header.Get("Content-Type"))
	}
	return body
}

// seriesPerMetric counts the samples of each metric whose name starts with
// prefix in a text exposition.
func seriesPerMetric(exposition, prefix string) map[string]int {
	series := map[string]int{}
	scanner := bufio.NewScanner(strings.NewReader(exposition))
	scanner.Buffer(nil, 1<<20)
	for scanner.Scan() {
		if line := scanner.Text(); strings.HasPrefix(line, prefix) {
			name, _, _ := strings.Cut(line, "{")
			name, _, _ = strings.Cut(name, " ")
			series[name]++
		}
	}
	return series
}
