package fakeapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

// at is a time on the 2-minute grid the fake samples on.
var at = time.Unix(1_790_000_040, 0)

func dropletRequest(id int, start, end time.Time) *godo.DropletMetricsRequest {
	return &godo.DropletMetricsRequest{HostID: fmt.Sprint(id), Start: start, End: end}
}

func TestDemoDropletsWithTheAgentAnswerEveryMetric(t *testing.T) {
	s := newTestServer(t, Demo())
	c := newGodo(t, s)
	ctx := context.Background()
	id := dropletID(0)
	cpu, _, err := c.Monitoring.GetDropletCPU(ctx, dropletRequest(id, at.Add(-10*time.Minute), at))
	if err != nil {
		t.Fatal(err)
	}
	if len(cpu.Data.Result) != 8 {
		t.Fatalf("cpu: %d series, want one per mode", len(cpu.Data.Result))
	}
	for _, series := range cpu.Data.Result {
		values := series.Values
		if len(values) != 6 || values[0].Timestamp.Time().Unix() != at.Add(-10*time.Minute).Unix() {
			t.Fatalf("%v: %d samples from %v, want 6 every 2 minutes from the window's start", series.Metric, len(values),
				values[0].Timestamp.Time())
		}
		if values[5].Value < values[0].Value || string(series.Metric["host_id"]) != fmt.Sprint(id) {
			t.Errorf("%v: a counter that goes down, or another host: %v", series.Metric, values)
		}
	}
	for name, get := range map[string]func(context.Context, *godo.DropletMetricsRequest) (*godo.MetricsResponse, *godo.Response, error){
		"memory_total": c.Monitoring.GetDropletTotalMemory, "memory_available": c.Monitoring.GetDropletAvailableMemory,
		"filesystem_size": c.Monitoring.GetDropletFilesystemSize, "load_15": c.Monitoring.GetDropletLoad15,
	} {
		answer, _, err := get(ctx, dropletRequest(id, at.Add(-5*time.Minute), at))
		if err != nil || len(answer.Data.Result) != 1 || len(answer.Data.Result[0].Values) != 3 || answer.Status != "success" {
			t.Errorf("%s: %+v, %v; want one series of 3 samples", name, answer, err)
		}
	}
	bandwidth, _, err := c.Monitoring.GetDropletBandwidth(ctx, &godo.DropletBandwidthMetricsRequest{
		DropletMetricsRequest: *dropletRequest(id, at.Add(-5*time.Minute), at), Interface: "private", Direction: "outbound"})
	if err != nil || len(bandwidth.Data.Result) != 1 || bandwidth.Data.Result[0].Metric["interface"] != "private" {
		t.Errorf("bandwidth private outbound: %+v, %v", bandwidth, err)
	}
}

func TestADropletWithoutTheAgentAnswersNoSamples(t *testing.T) {
	s := newTestServer(t, Examples()) // the examples' Droplets do not name the monitoring feature
	answer, _, err := newGodo(t, s).Monitoring.GetDropletCPU(context.Background(), dropletRequest(3164444, at.Add(-time.Hour), at))
	if err != nil || answer.Status != "success" || len(answer.Data.Result) != 0 {
		t.Errorf("%+v, %v; want a successful answer with no series", answer, err)
	}
}

func TestMadeUpSamplesDoNotDependOnTheWindow(t *testing.T) {
	s := newTestServer(t, Demo())
	c := newGodo(t, s)
	read := func(start, end time.Time) map[string]string {
		answer, _, err := c.Monitoring.GetDropletCPU(context.Background(), dropletRequest(dropletID(3), start, end))
		if err != nil {
			t.Fatal(err)
		}
		values := map[string]string{}
		for _, series := range answer.Data.Result {
			for _, v := range series.Values {
				values[fmt.Sprint(series.Metric["mode"], v.Timestamp.Time().Unix())] = v.Value.String()
			}
		}
		return values
	}
	long, short := read(at.Add(-time.Hour), at), read(at.Add(-3*time.Minute), at.Add(time.Minute))
	for key, value := range short {
		if long[key] != value {
			t.Errorf("%s: %s in a short window, %s in a long one", key, value, long[key])
		}
	}
	if len(short) != 16 || len(long) != 8*31 {
		t.Errorf("%d and %d samples, want 2 and 31 per mode", len(short), len(long))
	}
}

func TestSetSamplesAreServedInTheirWindowOnly(t *testing.T) {
	acct := Examples()
	acct.Metrics = map[string]map[string][]Series{"3164444": {
		"droplet/cpu": ExampleSeries("monitoring_droplet_cpu.json", at),
	}}
	s := newTestServer(t, acct)
	c := newGodo(t, s)
	whole, _, err := c.Monitoring.GetDropletCPU(context.Background(), dropletRequest(3164444, at.Add(-time.Hour), at))
	if err != nil {
		t.Fatal(err)
	}
	idle := whole.Data.Result[0]
	if idle.Metric["mode"] != "idle" || len(idle.Values) != 3 || idle.Values[2].Value.String() != "123140.8" ||
		idle.Values[2].Timestamp.Time().Unix() != at.Unix() || idle.Values[0].Timestamp.Time().Unix() != at.Add(-4*time.Minute).Unix() {
		t.Errorf("idle: %v, want the example's 3 samples, the newest at %v", idle, at)
	}
	part, _, err := c.Monitoring.GetDropletCPU(context.Background(), dropletRequest(3164444, at.Add(-3*time.Minute), at))
	if err != nil || len(part.Data.Result[0].Values) != 2 {
		t.Errorf("the last 3 minutes: %+v, %v; want the two newest samples", part, err)
	}
	// Named in Metrics, the Droplet has no other metric.
	memory, _, err := c.Monitoring.GetDropletTotalMemory(context.Background(), dropletRequest(3164444, at.Add(-time.Hour), at))
	if err != nil || len(memory.Data.Result) != 0 {
		t.Errorf("memory of a Droplet whose Metrics set only cpu: %+v, %v", memory, err)
	}
}

func TestAppMetricsKeepTheirLongDecimals(t *testing.T) {
	acct := Examples()
	appID := idOf(acct.Lists[Apps][0])
	acct.Metrics = map[string]map[string][]Series{appID: {
		"apps/memory_percentage": ExampleSeries("monitoring_app_memory_percentage.json", at),
	}}
	s := newTestServer(t, acct)
	r := get(t, s, fmt.Sprintf("/v2/monitoring/metrics/apps/memory_percentage?app_id=%s&start=%d&end=%d",
		appID, at.Add(-time.Hour).Unix(), at.Unix()))
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"32.016214285714285712"`) {
		t.Errorf("%d %s: want the example's last value as written", r.status, r.body)
	}
}

func TestMadeUpAppAndLoadBalancerSeries(t *testing.T) {
	demo := Demo()
	s := newTestServer(t, demo)
	c := newGodo(t, s)
	lb := demo.Lists[LoadBalancers][0]
	request := &godo.LoadBalancerMetricsRequest{LoadBalancerID: idOf(lb), Start: at.Add(-5 * time.Minute), End: at}
	health, _, err := c.Monitoring.GetLoadBalancerDropletsHealthChecks(context.Background(), request)
	if err != nil || len(health.Data.Result) != len(lb["droplet_ids"].([]int)) {
		t.Errorf("health checks: %+v, %v; want one series per backend Droplet", health, err)
	}
	responses, _, err := c.Monitoring.GetLoadBalancerFrontendHttpResponses(context.Background(), request)
	if err != nil || len(responses.Data.Result) != 4 {
		t.Errorf("responses: %+v, %v; want one series per class", responses, err)
	}
	app := demo.Lists[Apps][0] // a service and a static site: the site runs nothing
	r := get(t, s, fmt.Sprintf("/v2/monitoring/metrics/apps/cpu_percentage?app_id=%s&start=%d&end=%d",
		idOf(app), at.Add(-5*time.Minute).Unix(), at.Unix()))
	var answer struct {
		Data struct {
			Result []struct{ Metric map[string]string }
		}
	}
	if err := json.Unmarshal(r.body, &answer); err != nil || len(answer.Data.Result) != 2 ||
		answer.Data.Result[1].Metric["app_component_instance"] != "web-1" {
		t.Errorf("%s: want the professional app's two web instances", r.body)
	}
}

func TestMonitoringRequestsNeedTheirParameters(t *testing.T) {
	s := newTestServer(t, Demo())
	window := fmt.Sprintf("&start=%d&end=%d", at.Add(-time.Hour).Unix(), at.Unix())
	for target, want := range map[string]int{
		"/v2/monitoring/metrics/droplet/cpu?host_id=410000001":                                  http.StatusBadRequest,
		"/v2/monitoring/metrics/droplet/cpu?start=1&end=2":                                      http.StatusBadRequest,
		"/v2/monitoring/metrics/droplet/cpu?host_id=410000001&start=2&end=1":                    http.StatusBadRequest,
		"/v2/monitoring/metrics/droplet/bandwidth?host_id=410000001&interface=public" + window:  http.StatusBadRequest,
		"/v2/monitoring/metrics/droplet/swap?host_id=410000001" + window:                        http.StatusNotFound,
		"/v2/monitoring/metrics/droplet/cpu?host_id=1" + window:                                 http.StatusOK,
		"/v2/monitoring/metrics/load_balancer/frontend_connections_current?lb_id=nope" + window: http.StatusOK,
	} {
		if r := get(t, s, target); r.status != want {
			t.Errorf("%s: %d %s, want %d", target, r.status, r.body, want)
		}
	}
}

func TestUpdateKeepsTheMetrics(t *testing.T) {
	acct := Examples()
	acct.Metrics = map[string]map[string][]Series{"3164444": {"droplet/load_1": {{Samples: []Sample{{at, "0.5"}}}}}}
	s := newTestServer(t, acct)
	acct.Metrics["3164444"]["droplet/load_1"][0].Samples[0].Value = "9" // the server keeps its own copy
	s.Update(func(a *Account) {
		a.Metrics["3164444"]["droplet/load_1"] = append(a.Metrics["3164444"]["droplet/load_1"],
			Series{Labels: map[string]string{"host_id": "3164444"}, Samples: []Sample{{at, "0.75"}}})
	})
	r := get(t, s, fmt.Sprintf("/v2/monitoring/metrics/droplet/load_1?host_id=3164444&start=%d&end=%d", at.Unix(), at.Unix()))
	if body := string(r.body); !strings.Contains(body, `"0.5"`) || !strings.Contains(body, `"0.75"`) {
		t.Errorf("after Update: %s, want both series", body)
	}
}

func TestRequestsAreTimedByTheServersClock(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetClock(func() time.Time { return at })
	get(t, s, "/v2/account")
	if got := s.Requests()[0].At; !got.Equal(at) {
		t.Errorf("request at %v, want %v", got, at)
	}
}
