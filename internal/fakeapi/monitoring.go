package fakeapi

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The Monitoring API answers one metric of one resource per request, for a
// window of time, the way a Prometheus range query does: a matrix of
// series, each value a decimal in a quoted string.

// Series is one series of a monitoring answer: its labels and its samples.
type Series struct {
	Labels  map[string]string
	Samples []Sample
}

// Sample is one value of a series.
type Sample struct {
	Time  time.Time
	Value string // as the API sends it: a decimal in a string, "5.016600450090265357"
}

// monitoredKind is a kind of resource whose metrics the fake serves.
type monitoredKind struct {
	name    string // the path segment after /v2/monitoring/metrics/, and the prefix of a metric's key
	idParam string // the query parameter naming the resource
	metrics []string
	extra   []string // further query parameters every metric of the kind needs
}

var monitoredKinds = []monitoredKind{
	{name: "droplet", idParam: "host_id", metrics: []string{"cpu", "memory_total", "memory_available", "memory_free",
		"memory_cached", "filesystem_free", "filesystem_size", "load_1", "load_5", "load_15", "bandwidth"}},
	{name: "apps", idParam: "app_id", metrics: []string{"cpu_percentage", "memory_percentage", "restart_count"}},
	{name: "load_balancer", idParam: "lb_id", metrics: []string{"frontend_connections_current", "frontend_cpu_utilization",
		"frontend_http_responses", "droplets_health_checks"}},
}

// bandwidthParams are the query parameters the bandwidth metric needs, and
// the labels its series carry them in.
var bandwidthParams = []string{"interface", "direction"}

func (k monitoredKind) path() string { return "/v2/monitoring/metrics/" + k.name + "/{id}" }

// monitoringRoutes serves the metrics of each monitored kind; the path's
// last segment names the metric.
func monitoringRoutes(routes routeTable) {
	for _, k := range monitoredKinds {
		routes[k.path()] = func(c *content, r *http.Request) ([]byte, *apiError) { return serveMetric(c, r, k) }
	}
}

// window is the time a monitoring request asks for, both ends included.
type window struct{ start, end time.Time }

func (w window) holds(t time.Time) bool { return !t.Before(w.start) && !t.After(w.end) }

func serveMetric(c *content, r *http.Request, k monitoredKind) ([]byte, *apiError) {
	metric := r.PathValue("id")
	if !slices.Contains(k.metrics, metric) {
		return nil, errorFor(http.StatusNotFound)
	}
	q := r.URL.Query()
	w, err := parseWindow(q)
	if err != nil {
		return nil, err
	}
	id := q.Get(k.idParam)
	if id == "" {
		return nil, badRequest(k.idParam + " is required.")
	}
	var want map[string]string // labels a series must carry
	if metric == "bandwidth" {
		want = map[string]string{}
		for _, p := range bandwidthParams {
			if want[p] = q.Get(p); want[p] == "" {
				return nil, badRequest(p + " is required.")
			}
		}
	}
	return matrixBody(inWindow(c.seriesOf(k.name, id, metric, w), w, want)), nil
}

func parseWindow(q url.Values) (window, *apiError) {
	var ends [2]time.Time
	for i, name := range []string{"start", "end"} {
		seconds, err := strconv.ParseInt(q.Get(name), 10, 64)
		if err != nil {
			return window{}, badRequest(name + " is required: a Unix time in seconds.")
		}
		ends[i] = time.Unix(seconds, 0)
	}
	if ends[1].Before(ends[0]) {
		return window{}, badRequest("end must not be before start.")
	}
	return window{ends[0], ends[1]}, nil
}

// seriesOf is what a resource's metric holds: the samples set for it in
// Account.Metrics, or else those its agent would send, made up for the
// window.
func (c *content) seriesOf(kind, id, metric string, w window) []Series {
	if set, ok := c.metrics[id]; ok {
		return set[kind+"/"+metric]
	}
	if o, ok := c.monitored[kind+"/"+id]; ok {
		return o.generate(metric, w)
	}
	return nil
}

// inWindow keeps the samples in w of the series that carry the wanted
// labels, and leaves out series with none, as a range query does.
func inWindow(series []Series, w window, want map[string]string) []Series {
	var out []Series
	for _, s := range series {
		if !carries(s.Labels, want) {
			continue
		}
		kept := Series{Labels: s.Labels}
		for _, sample := range s.Samples {
			if w.holds(sample.Time) {
				kept.Samples = append(kept.Samples, sample)
			}
		}
		if len(kept.Samples) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

func carries(labels, want map[string]string) bool {
	for k, v := range want {
		if labels[k] != v {
			return false
		}
	}
	return true
}

// matrixBody is a monitoring answer: {"status":"success","data":{"resultType":"matrix","result":[...]}}.
func matrixBody(series []Series) []byte {
	type stream struct {
		Metric map[string]string `json:"metric"`
		Values [][2]any          `json:"values"`
	}
	result := make([]stream, 0, len(series))
	for _, s := range series {
		values := make([][2]any, len(s.Samples))
		for i, sample := range s.Samples {
			values[i] = [2]any{sample.Time.Unix(), sample.Value}
		}
		result = append(result, stream{Metric: labelsOrEmpty(s.Labels), Values: values})
	}
	body, _ := json.Marshal(map[string]any{
		"status": "success",
		"data":   map[string]any{"resultType": "matrix", "result": result},
	})
	return body
}

func labelsOrEmpty(labels map[string]string) map[string]string {
	if labels == nil {
		return map[string]string{}
	}
	return labels
}

// cloneMetrics deep-copies Account.Metrics, so that the fake keeps no
// reference to what it was given, and Update gets a copy.
func cloneMetrics(m map[string]map[string][]Series) map[string]map[string][]Series {
	if m == nil {
		return nil
	}
	out := make(map[string]map[string][]Series, len(m))
	for id, byMetric := range m {
		out[id] = make(map[string][]Series, len(byMetric))
		for metric, series := range byMetric {
			copied := make([]Series, len(series))
			for i, s := range series {
				copied[i] = Series{Labels: maps.Clone(s.Labels), Samples: slices.Clone(s.Samples)}
			}
			out[id][metric] = copied
		}
	}
	return out
}

// ExampleSeries returns the series of one of the API's monitoring examples,
// such as "monitoring_droplet_cpu.json", with their labels and values as
// the example gives them, but moved in time so that the newest sample is
// at newest and the spacing of the samples is kept: the examples were taken
// years ago, and a request only gets the samples of its window.
func ExampleSeries(file string, newest time.Time) []Series {
	var body struct {
		Data struct {
			Result []struct {
				Metric map[string]string
				Values [][2]json.RawMessage
			}
		}
	}
	mustDecode(ExampleFile(file), &body)
	var last int64
	for _, r := range body.Data.Result {
		for _, v := range r.Values {
			last = max(last, mustInt(v[0]))
		}
	}
	var series []Series
	for _, r := range body.Data.Result {
		s := Series{Labels: r.Metric}
		for _, v := range r.Values {
			var value string
			mustDecode(v[1], &value)
			s.Samples = append(s.Samples, Sample{Time: newest.Add(time.Duration(mustInt(v[0])-last) * time.Second), Value: value})
		}
		series = append(series, s)
	}
	return series
}

// ExampleDropletMetrics are the API's examples of every Droplet metric, as
// the samples of one Droplet (for Account.Metrics), the newest at newest.
// The memory, load and filesystem size metrics have no example of their
// own: they get the example their operations share in the spec.
func ExampleDropletMetrics(newest time.Time) map[string][]Series {
	example := func(metric string) []Series { return ExampleSeries(exampleOfMetric["droplet/"+metric], newest) }
	metrics := map[string][]Series{}
	for _, metric := range monitoredKinds[0].metrics {
		metrics["droplet/"+metric] = example(metric)
	}
	for _, file := range []string{"outbound_public", "inbound_private", "outbound_private"} {
		metrics["droplet/bandwidth"] = append(metrics["droplet/bandwidth"],
			ExampleSeries("monitoring_droplet_bandwidth."+file+"_bandwidth.json", newest)...)
	}
	return metrics
}

// ExampleAppMetrics are the API's examples of the app metrics, as the
// samples of one app, the newest at newest. All three are the spec's one
// example, of memory.
func ExampleAppMetrics(newest time.Time) map[string][]Series {
	metrics := map[string][]Series{}
	for _, metric := range monitoredKinds[1].metrics {
		metrics["apps/"+metric] = ExampleSeries(exampleOfMetric["apps/"+metric], newest)
	}
	return metrics
}

// ExampleLoadBalancerMetrics are the API's examples of the load balancer
// metrics that have one, as the samples of one load balancer, the newest at
// newest. They are the generic example of the spec, labelled host_id.
func ExampleLoadBalancerMetrics(newest time.Time) map[string][]Series {
	return map[string][]Series{
		"load_balancer/frontend_connections_current": ExampleSeries("monitoring_load_balancer_frontend_connections_current.json", newest),
		"load_balancer/frontend_cpu_utilization":     ExampleSeries("monitoring_load_balancer_frontend_cpu_utilization.json", newest),
		"load_balancer/droplets_health_checks":       ExampleSeries("monitoring_load_balancer_droplets_health_checks.json", newest),
	}
}

// exampleOfMetric is the example file of each metric.
var exampleOfMetric = map[string]string{
	"droplet/cpu": "monitoring_droplet_cpu.json", "droplet/bandwidth": "monitoring_droplet_bandwidth.json",
	"droplet/memory_total": "monitoring_droplet_memory.json", "droplet/memory_available": "monitoring_droplet_memory.json",
	"droplet/memory_free": "monitoring_droplet_memory.json", "droplet/memory_cached": "monitoring_droplet_memory.json",
	"droplet/filesystem_free": "monitoring_droplet_filesystem_free.json",
	"droplet/filesystem_size": "monitoring_droplet_filesystem_free.json",
	"droplet/load_1":          "monitoring_droplet_load_1.json", "droplet/load_5": "monitoring_droplet_load_1.json",
	"droplet/load_15":        "monitoring_droplet_load_1.json",
	"apps/cpu_percentage":    "monitoring_app_cpu_percentage.json",
	"apps/memory_percentage": "monitoring_app_memory_percentage.json",
	"apps/restart_count":     "monitoring_app_restart_count.json",
}

func mustInt(raw json.RawMessage) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
	if err != nil {
		panic("fakeapi: not a Unix time in an example: " + string(raw))
	}
	return n
}
