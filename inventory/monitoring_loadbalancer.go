package inventory

import (
	"regexp"
	"slices"
	"time"
)

// LoadBalancerMetrics reads each load balancer's open connections, HTTP
// responses by class and the health of its backends: three requests a load
// balancer.
var LoadBalancerMetrics = newMonitored(monitorSpec[LoadBalancer, LoadBalancerTraffic]{
	Name: KindLoadBalancerMetrics, Label: "Load balancer metrics", Scope: "monitoring:read",
	Parent: LoadBalancers, Path: "load_balancer", IDParam: "lb_id",
	ID:     func(lb *LoadBalancer) string { return lb.ID },
	Select: func(*LoadBalancer, MonitoringOptions) (selected, reports bool) { return true, true },
	Requests: func(MonitoringOptions) []metricRequest {
		return named("frontend_connections_current", "frontend_http_responses", "droplets_health_checks")
	},
	Read: readLoadBalancer,
})

// LoadBalancerTraffic is what a load balancer reported.
type LoadBalancerTraffic struct {
	Connections Window
	// Responses are HTTP responses per second by class (2xx, 5xx...; other
	// for a series whose labels name none).
	Responses map[string]Window
	// Backends counts the backends by their last health check; nil when
	// the answer had none.
	Backends *BackendHealth
}

// BackendHealth counts a load balancer's backends whose last health check
// passed, and those whose did not.
type BackendHealth struct{ Healthy, Unhealthy int }

// responseClass is a label value that names a class of HTTP responses.
var responseClass = regexp.MustCompile(`^[1-5]xx$`)

// readLoadBalancer reads the answers of each request. The API documents
// these series only by lb_id: the class of a response series is whichever
// of its labels reads like one (2xx), and a backend passes when the newest
// value of its health series is above 0.
func readLoadBalancer(_ LoadBalancerTraffic, answers [][]series, _ MonitoringOptions) LoadBalancerTraffic {
	t := LoadBalancerTraffic{Connections: windowOf(summed(answers[0]))}
	byClass := map[string][]series{}
	for _, s := range answers[1] {
		class := "other"
		for _, v := range s.labels {
			if responseClass.MatchString(v) {
				class = v
			}
		}
		byClass[class] = append(byClass[class], s)
	}
	for class, ss := range byClass {
		if t.Responses == nil {
			t.Responses = map[string]Window{}
		}
		t.Responses[class] = windowOf(summed(ss))
	}
	for _, s := range answers[2] {
		if t.Backends == nil {
			t.Backends = &BackendHealth{}
		}
		if s.samples[len(s.samples)-1].value > 0 {
			t.Backends.Healthy++
		} else {
			t.Backends.Unhealthy++
		}
	}
	return t
}

// summed adds up the series at each time any of them was sampled.
func summed(ss []series) []sample {
	total := map[time.Time]float64{}
	for _, s := range ss {
		for _, x := range s.samples {
			total[x.at] += x.value
		}
	}
	out := make([]sample, 0, len(total))
	for at, v := range total {
		out = append(out, sample{at: at, value: v})
	}
	slices.SortFunc(out, func(a, b sample) int { return a.at.Compare(b.at) })
	return out
}
