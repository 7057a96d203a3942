package e2e

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/metricsdoc"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/prometheus/client_golang/prometheus"
)

var update = flag.Bool("update", false, "rewrite testdata/e2e-demo.prom")

// toolTimeout bounds a run of promtool or amtool.
const toolTimeout = 2 * time.Minute

// TestDemoEndToEnd runs the exporter as a user would with --demo and
// compares its metrics, less the ones that change from run to run, with
// testdata/e2e-demo.prom.
func TestDemoEndToEnd(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	if !strings.Contains(e.logs.String(), "demo mode") {
		t.Error("the log does not say it runs in demo mode")
	}
	_, metrics := e.get(t, "/metrics")
	t.Run("promtool check metrics", func(t *testing.T) { promtoolCheckMetrics(t, metrics) })

	got := stableLines(metrics)
	golden := filepath.Join("testdata", "e2e-demo.prom")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("metrics differ from %s (run with -update to rewrite it after checking):\n%s", golden, lineDiff(string(want), got))
	}

	if code, page := e.get(t, "/"); code != http.StatusOK || !strings.Contains(page, `href="/metrics"`) {
		t.Errorf("landing page: %d, no link to /metrics:\n%s", code, page)
	}
}

// volatile metrics change from run to run: durations, clocks, the Go
// runtime, and what was billed, which grows with the days of the month (the
// cost end-to-end test checks its figures).
var volatile = []string{
	"go_", "process_", "promhttp_", "digitalocean_exporter_build_info",
	"digitalocean_refresh_duration_seconds", "digitalocean_refresh_last_success_timestamp_seconds",
	"digitalocean_api_rate_limit_remaining", "digitalocean_api_rate_limit_reset_timestamp_seconds",
	"digitalocean_token_loaded_timestamp_seconds", // when the demo started
	"digitalocean_monitoring_sample_timestamp_seconds",
	"digitalocean_balance_", "digitalocean_billing_", "digitalocean_budget_forecast_month_dollars",
}

// volatileSeries are series of stable metrics that change from run to run:
// the pages of billing insights a month so far takes, and the interval of
// the monitored kinds, which each round plans from what the lists and
// details it has seen so far cost.
var volatileSeries = []string{
	`endpoint="/v2/billing/{id}/insights/{date}/{date}"`,
	`digitalocean_refresh_interval_seconds{account="default",resource="app_metrics"}`,
	`digitalocean_refresh_interval_seconds{account="default",resource="droplet_metrics"}`,
	`digitalocean_refresh_interval_seconds{account="default",resource="load_balancer_metrics"}`,
}

// stableLines is the exposition less its volatile lines; of the metrics
// read from the Monitoring API, whose values follow the fake's clock, it
// keeps the series without their values.
func stableLines(exposition string) string {
	clocked := monitoredFamilies()
	var out strings.Builder
	scanner := bufio.NewScanner(strings.NewReader(exposition))
	for scanner.Scan() {
		line := scanner.Text()
		name := strings.TrimPrefix(strings.TrimPrefix(line, "# HELP "), "# TYPE ")
		if hasAnyPrefix(name, volatile) || slices.ContainsFunc(volatileSeries, func(s string) bool { return strings.Contains(line, s) }) {
			continue
		}
		if family, _, _ := strings.Cut(line, "{"); clocked[family] {
			line = line[:strings.LastIndexByte(line, ' ')]
		}
		out.WriteString(line + "\n")
	}
	return out.String()
}

// monitoredFamilies names the metric families of the collectors that read
// the Monitoring API.
func monitoredFamilies() map[string]bool {
	names := map[string]bool{}
	descs := make(chan *prometheus.Desc)
	go func() {
		for _, f := range collector.Factories {
			if slices.Contains([]string{inventory.KindDropletMetrics, inventory.KindAppMetrics, inventory.KindLoadBalancerMetrics}, f.Name) {
				f.New(inventory.Refreshers{}).Describe(descs)
			}
		}
		close(descs)
	}()
	for d := range descs {
		m, err := metricsdoc.Parse(d)
		if err != nil {
			panic(err)
		}
		names[m.Name] = true
	}
	return names
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func lineDiff(want, got string) string {
	wantSet, gotSet := lineSet(want), lineSet(got)
	var diff strings.Builder
	for line := range wantSet {
		if !gotSet[line] {
			fmt.Fprintf(&diff, "- %s\n", line)
		}
	}
	for line := range gotSet {
		if !wantSet[line] {
			fmt.Fprintf(&diff, "+ %s\n", line)
		}
	}
	return diff.String()
}

func lineSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		set[line] = true
	}
	return set
}

// promtoolCheckMetrics lints an exposition with Prometheus' own promtool.
// In CI a missing promtool fails the test; elsewhere the test is skipped,
// so run it as a subtest of its own.
func promtoolCheckMetrics(t *testing.T, exposition string) {
	t.Helper()
	promtool := testtool.Find(t, "promtool", "prometheus")
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(exposition)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}

// TestOnlyDemoBuildsTheDemo: the fake API's package is in every exporter,
// for --demo, but costs next to nothing at start; the demo account and its
// changes are built when --demo asks for them. GODEBUG=inittrace=1 has the
// Go runtime report each package's initialisation as the program starts.
func TestOnlyDemoBuildsTheDemo(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(exporterBinary(t), "--version")
	cmd.Env = []string{"GODEBUG=inittrace=1"}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^init github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi @.* (\d+) bytes, (\d+) allocs$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("the runtime did not report the fake API's initialisation:\n%s", out)
	}
	// Building the demo's examples takes about 1 MB in 10,000 allocations.
	if bytes, allocs := atoi(t, m[1]), atoi(t, m[2]); bytes > 64<<10 || allocs > 500 {
		t.Errorf("the fake API's package allocates %d bytes in %d allocations at every start, without --demo", bytes, allocs)
	}
}

func atoi(t *testing.T, digits []byte) int {
	t.Helper()
	n, err := strconv.Atoi(string(digits))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
