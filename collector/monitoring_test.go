package collector

import (
	"context"
	"math"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-kit/log"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// monitoringNow is when the collector tests read the Monitoring API: on the
// agent's 2-minute grid.
var monitoringNow = time.Unix(1_790_000_040, 0)

// testClock is the monitoring's time in a test: it moves only when told.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	c.advance(d)
	return ctx.Err()
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(max(d, 0))
}

// testMonitoring reads every group of metrics, and asks first for the last
// 10 minutes: enough to hold every sample of the API's examples.
func testMonitoring(clock inventory.Clock) inventory.MonitoringOptions {
	return inventory.MonitoringOptions{Clock: clock, Interval: 10 * time.Minute, DropletMetrics: inventory.DropletMetricGroups()}
}

// Resources of the API's examples that get the Monitoring API's examples
// as their samples.
const (
	exampleDroplet = "3164444"
	exampleApp     = "4f6c71e2-1e90-4762-9fee-6cc4a0a9f2cf"
	exampleLB      = "4de7ac8b-495b-4884-9a69-1050c6793cd6"
)

// examples is the API's examples, with the Monitoring API's examples as
// the samples of a Droplet, an app and a load balancer.
func examples() fakeapi.Account {
	a := fakeapi.Examples()
	a.Metrics = map[string]map[string][]fakeapi.Series{
		exampleDroplet: fakeapi.ExampleDropletMetrics(monitoringNow),
		exampleApp:     fakeapi.ExampleAppMetrics(monitoringNow),
		exampleLB:      fakeapi.ExampleLoadBalancerMetrics(monitoringNow),
	}
	return a
}

// TestMonitoringValuesFromExamples checks the monitored families against
// the values of the API's monitoring examples: the newest sample of each,
// the largest, and ratios worked out by hand.
func TestMonitoringValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, examples())
	droplets, apps, lbs := newDropletMetricsCollector(src), newAppMetricsCollector(src), newLoadBalancerMetricsCollector(src)
	instance := map[string]string{"app_id": exampleApp, "component": "sample-application", "component_instance": "sample-application-0"}
	for _, tc := range []struct {
		metric string
		labels map[string]string
		want   float64
	}{
		{"digitalocean_droplet_cpu_seconds_total", map[string]string{"mode": "idle"}, 123140.8},
		{"digitalocean_droplet_cpu_seconds_total", map[string]string{"mode": "steal"}, 7.91},
		// idle 122901.18 -> 123140.8 of all modes 123411.20 -> 123651.12
		{"digitalocean_droplet_cpu_busy_ratio", nil, 1 - (123140.8-122901.18)/(123651.12-123411.20)},
		{"digitalocean_droplet_cpu_busy_ratio_max", nil, 1 - (123020.92-122901.18)/(123531.16-123411.20)},
		{"digitalocean_droplet_memory_total_bytes", nil, 1},
		{"digitalocean_droplet_memory_used_ratio", nil, 0},
		{"digitalocean_droplet_filesystem_size_bytes", map[string]string{"device": "/dev/vda1", "mountpoint": "/"}, 25832407040},
		{"digitalocean_droplet_filesystem_used_ratio_max", map[string]string{"mountpoint": "/"}, 0},
		{"digitalocean_droplet_load15", nil, 1},
		{"digitalocean_droplet_network_bytes_per_second", map[string]string{"interface": "private", "direction": "outbound"},
			0.016214285714285712e6 / 8},
		{"digitalocean_app_component_cpu_ratio", instance, 0.32016214285714285712},
		{"digitalocean_app_component_memory_ratio_max", instance, 0.32016214285714285712},
		{"digitalocean_app_component_restarts", instance, 32.016214285714285712},
		{"digitalocean_load_balancer_connections", map[string]string{"id": exampleLB}, 1},
		{"digitalocean_load_balancer_backends", map[string]string{"id": exampleLB, "health": "healthy"}, 1},
		{"digitalocean_load_balancer_backends", map[string]string{"id": exampleLB, "health": "unhealthy"}, 0},
	} {
		c, labels := droplets, map[string]string{"id": exampleDroplet}
		switch {
		case tc.labels["app_id"] != "":
			c, labels = apps, map[string]string{}
		case tc.labels["id"] == exampleLB:
			c, labels = lbs, map[string]string{}
		}
		for k, v := range tc.labels {
			labels[k] = v
		}
		if got, ok := sampleOf(t, c, tc.metric, labels); !ok || math.Abs(got-tc.want) > 1e-12*math.Max(1, tc.want) {
			t.Errorf("%s%v = %v (found: %v), want %v", tc.metric, labels, got, ok, tc.want)
		}
	}
	if _, ok := sampleOf(t, lbs, "digitalocean_load_balancer_http_responses_per_second", map[string]string{"id": exampleLB}); ok {
		t.Error("responses of a load balancer whose answer had none")
	}
}

// TestASpikeShowsInTheMaxSeries: a filesystem that fills for 2 minutes
// between two readings 15 minutes apart is back to normal in the used
// ratio, and at its fullest in the _max series.
func TestASpikeShowsInTheMaxSeries(t *testing.T) {
	var size, free []fakeapi.Sample
	for i := range 16 {
		at := monitoringNow.Add(time.Duration(i-5) * 2 * time.Minute)
		freeBytes := map[bool]string{true: "5000000000", false: "60000000000"}[i == 9] // at +8m: 95% full
		size = append(size, fakeapi.Sample{Time: at, Value: "100000000000"})
		free = append(free, fakeapi.Sample{Time: at, Value: freeBytes})
	}
	labels := map[string]string{"device": "/dev/vda1", "fstype": "ext4", "mountpoint": "/"}
	acct := fakeapi.Examples()
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: {
		"droplet/filesystem_size": {{Labels: labels, Samples: size}}, "droplet/filesystem_free": {{Labels: labels, Samples: free}}}}
	api, err := fakeapi.NewServer(testToken, acct)
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	clock := &testClock{now: monitoringNow}
	monitoring := testMonitoring(clock)
	monitoring.Interval, monitoring.DropletMetrics = 15*time.Minute, []string{"filesystem"}
	r, err := inventory.NewRefresher(inventory.Options{
		Account: "default", Client: inventory.ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 10 * time.Second},
		Kinds: []string{inventory.KindDropletMetrics}, Interval: time.Minute, Monitoring: monitoring, Logger: log.NewNopLogger(),
	})
	if err != nil {
		t.Fatal(err)
	}
	src := inventory.Refreshers{r}
	fs := map[string]string{"id": exampleDroplet, "mountpoint": "/"}
	for _, want := range []struct{ used, max float64 }{{0.4, 0.4}, {0.4, 0.95}} {
		r.Refresh(context.Background())
		used, _ := sampleOf(t, newDropletMetricsCollector(src), "digitalocean_droplet_filesystem_used_ratio", fs)
		most, _ := sampleOf(t, newDropletMetricsCollector(src), "digitalocean_droplet_filesystem_used_ratio_max", fs)
		if math.Abs(used-want.used) > 1e-12 || math.Abs(most-want.max) > 1e-12 {
			t.Errorf("at %v: used %v, at most %v; want %v and %v", clock.Now().Sub(monitoringNow), used, most, want.used, want.max)
		}
		clock.advance(15 * time.Minute)
	}
	sampled, _ := sampleOf(t, newHealthCollector(src), "digitalocean_monitoring_sample_timestamp_seconds",
		map[string]string{"kind": "droplets", "id": exampleDroplet})
	if want := monitoringNow.Add(14 * time.Minute); sampled != float64(want.Unix()) {
		t.Errorf("sampled at %v, want %v: the newest sample of the second window", sampled, strconv.FormatInt(want.Unix(), 10))
	}
}

func TestMonitoringCoverageOnExamples(t *testing.T) {
	src := refreshedSource(t, examples())
	compareGolden(t, newHealthCollector(src), filepath.Join("testdata", "monitoring_health.prom"),
		"digitalocean_monitoring_resources", "digitalocean_monitoring_sample_timestamp_seconds")
}

// TestMonitoringOnTheDemo reads the demo's made-up samples, which do not
// depend on the time they are read at: the golden file is what --demo
// shows once a round has read everything.
func TestMonitoringOnTheDemo(t *testing.T) {
	src := refreshedSource(t, fakeapi.Demo())
	for name, c := range map[string]prometheus.Collector{
		"droplet_metrics": newDropletMetricsCollector(src), "app_metrics": newAppMetricsCollector(src),
		"load_balancer_metrics": newLoadBalancerMetricsCollector(src),
	} {
		t.Run(name, func(t *testing.T) { compareGolden(t, c, filepath.Join("testdata", "demo_"+name+".prom")) })
	}
	compareGolden(t, newHealthCollector(src), filepath.Join("testdata", "demo_monitoring_health.prom"),
		"digitalocean_monitoring_resources")
}
