package e2e

import (
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// monitoringFlags turn on the collectors of the Monitoring API, which are
// off by default.
var monitoringFlags = []string{"--collector.droplet_metrics", "--collector.app_metrics", "--collector.load_balancer_metrics"}

// TestDemoShowsMonitoring runs --demo with the monitored collectors: the
// first Droplet's metrics show within seconds (a round reads one resource
// after another, spread over --monitoring.interval), with the demo's values,
// which do not depend on when they are read, and the coverage says which
// Droplets have the agent.
func TestDemoShowsMonitoring(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, append([]string{"--demo"}, monitoringFlags...)...)
	e.waitFor(t, "/-/ready", http.StatusOK)
	var metrics string
	testtool.Eventually(t, "the first Droplet's metrics", func() bool {
		_, metrics = e.get(t, "/metrics")
		return strings.Contains(metrics, `digitalocean_droplet_memory_used_ratio{account="default",id="410000001"}`)
	})
	want := []string{
		// 42 Droplets and a GPU one: 4 off, 1 new; the GPU Droplet's list names no agent.
		`digitalocean_monitoring_resources{account="default",kind="droplets",state="selected"} 38`,
		`digitalocean_monitoring_resources{account="default",kind="droplets",state="skipped_no_agent"} 1`,
		`digitalocean_monitoring_resources{account="default",kind="droplets",state="skipped_budget"} 0`,
		`digitalocean_refresh_success{account="default",resource="droplet_metrics"} 1`,
		`digitalocean_monitoring_sample_timestamp_seconds{account="default",id="410000001",kind="droplets"}`,
	}
	golden, err := os.ReadFile(inRepo("collector/testdata/demo_droplet_metrics.prom"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(golden), "\n") {
		// The CPU counters grow with time; bandwidth is not read by default.
		if strings.Contains(line, `id="410000001"`) && !strings.Contains(line, "cpu_seconds_total") && !strings.Contains(line, "network_") {
			want = append(want, line)
		}
	}
	if len(want) < 15 {
		t.Fatalf("only %d lines to look for: is %s current?", len(want), "collector/testdata/demo_droplet_metrics.prom")
	}
	for _, line := range want {
		if !strings.Contains(metrics, line) {
			t.Errorf("/metrics lacks %s", line)
		}
	}
	testtool.Eventually(t, "an app's and a load balancer's metrics", func() bool {
		_, metrics = e.get(t, "/metrics")
		return strings.Contains(metrics, "digitalocean_app_component_cpu_ratio{") && strings.Contains(metrics, "digitalocean_load_balancer_connections{")
	})
	// 37 Droplets of 10 requests every 5 minutes are 4,440 an hour: more
	// than the lists leave of the default budget, so the interval stretches.
	if interval := sampleValue(t, metrics, `digitalocean_refresh_interval_seconds{account="default",resource="droplet_metrics"}`); interval <= 300 || interval >= 3600 {
		t.Errorf("droplet_metrics every %vs, want stretched from 300 and below the longest, 3600", interval)
	}
	t.Run("promtool check metrics", func(t *testing.T) { promtoolCheckMetrics(t, metrics) })
}

// sampleValue is the value of the series whose name and labels are given
// exactly, as exposed.
func sampleValue(t *testing.T, metrics, series string) float64 {
	t.Helper()
	for _, line := range strings.Split(metrics, "\n") {
		if value, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return v
		}
	}
	t.Fatalf("no %s", series)
	return 0
}
