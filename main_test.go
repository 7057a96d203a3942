package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/prometheus/client_golang/prometheus"
)

var update = flag.Bool("update", false, "rewrite testdata/e2e-demo.prom")

// testClient is how tests talk to the servers they start: no request of
// theirs waits longer than this for an answer.
var testClient = &http.Client{Timeout: 30 * time.Second}

// toolTimeout bounds a run of promtool or amtool.
const toolTimeout = 2 * time.Minute

// exporter is one run of the whole program, in-process, on a loopback port.
type exporter struct {
	url  string
	logs *testlog.Buffer
	code chan int
	stop context.CancelFunc
}

func startExporter(t *testing.T, env map[string]string, args ...string) *exporter {
	t.Helper()
	if !slices.ContainsFunc(args, func(a string) bool {
		return a == "--demo" || strings.HasPrefix(a, "--digitalocean.api-url=http://127.0.0.1:")
	}) {
		t.Fatal("a test exporter must read the fake API on 127.0.0.1 (--demo or --digitalocean.api-url), never the real one")
	}
	addr := freeAddress(t)
	ctx, cancel := context.WithCancel(context.Background())
	e := &exporter{url: "http://" + addr, logs: &testlog.Buffer{}, code: make(chan int, 1), stop: cancel}
	args = append([]string{"--web.listen-address=" + addr}, args...)
	go func() { e.code <- run(ctx, args, e.logs, func(k string) string { return env[k] }) }()
	t.Cleanup(func() {
		cancel()
		waitForExit(t, e.code)
	})
	e.waitFor(t, "/-/healthy", http.StatusOK)
	return e
}

// startFakeAPI serves acct to token on 127.0.0.1 until the test ends.
func startFakeAPI(t *testing.T, token string, acct fakeapi.Account) *fakeapi.Server {
	t.Helper()
	api, err := fakeapi.NewServer(token, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	return api
}

// waitForExit waits for a cancelled exporter's exit code, for 20s at most.
func waitForExit(t *testing.T, code <-chan int) int {
	t.Helper()
	select {
	case c := <-code:
		return c
	case <-time.After(20 * time.Second):
		t.Error("exporter did not stop within 20s of cancellation")
		return -1
	}
}

// eventually waits until cond holds, for 30s at most.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 30s for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func freeAddress(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func (e *exporter) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, body := e.request(t, path, nil)
	return resp.StatusCode, body
}

// request GETs path with header and returns the response with its body,
// which Go's client has gunzipped if it came gzipped.
func (e *exporter) request(t *testing.T, path string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	maps.Copy(req.Header, header)
	resp, err := testClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// waitFor polls path until it answers want; the exporter starts in the
// background, so there is no moment to wait for instead.
func (e *exporter) waitFor(t *testing.T, path string, want int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := testClient.Get(e.url + path); err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not answer %d within 30s; log:\n%s", path, want, e.logs)
}

// TestDemoEndToEnd runs the exporter as a user would with --demo and
// compares its metrics, less the ones that change from run to run, with
// testdata/e2e-demo.prom.
func TestDemoEndToEnd(t *testing.T) {
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	if !strings.Contains(e.logs.String(), "demo mode") {
		t.Errorf("the log does not say it runs in demo mode:\n%s", e.logs)
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
		names[descName(d)] = true
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
