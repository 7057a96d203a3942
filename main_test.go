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

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

var update = flag.Bool("update", false, "rewrite testdata/e2e-demo.prom")

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
		select {
		case <-e.code:
		case <-time.After(20 * time.Second):
			t.Error("exporter did not stop within 20s of cancellation")
		}
	})
	e.waitFor(t, "/-/healthy", http.StatusOK)
	return e
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
	resp, err := http.DefaultClient.Do(req)
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
		if resp, err := http.Get(e.url + path); err == nil {
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
	promtoolCheckMetrics(t, metrics)

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

// volatile metrics change from run to run: durations, clocks, the Go runtime.
var volatile = []string{
	"go_", "process_", "promhttp_", "digitalocean_exporter_build_info",
	"digitalocean_refresh_duration_seconds", "digitalocean_refresh_last_success_timestamp_seconds",
	"digitalocean_api_rate_limit_remaining", "digitalocean_api_rate_limit_reset_timestamp_seconds",
}

func stableLines(exposition string) string {
	var out strings.Builder
	scanner := bufio.NewScanner(strings.NewReader(exposition))
	for scanner.Scan() {
		line := scanner.Text()
		name := strings.TrimPrefix(strings.TrimPrefix(line, "# HELP "), "# TYPE ")
		if !hasAnyPrefix(name, volatile) {
			out.WriteString(line + "\n")
		}
	}
	return out.String()
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
// In CI a missing promtool fails the test; elsewhere it is skipped.
func promtoolCheckMetrics(t *testing.T, exposition string) {
	t.Helper()
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("promtool is not installed (Debian package prometheus)")
		}
		t.Log("promtool not installed; skipping promtool check metrics")
		return
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(exposition)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}
}
