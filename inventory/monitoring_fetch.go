package inventory

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/digitalocean/godo"
	"github.com/digitalocean/godo/metrics"
)

// One request of the Monitoring API reads one metric of one resource over
// a window: GET /v2/monitoring/metrics/<kind>/<metric>?<id>=...&start=&end=,
// answered as a Prometheus range query. godo has a wrapper per Droplet and
// load balancer metric and none for apps; the wrappers all build this same
// query, so one raw request serves the three kinds, decoded with godo's
// parser of the quoted sample values.

// metricRequest is one metric of a resource: its path under
// /v2/monitoring/metrics/<kind>/ and any query beyond the resource and window.
type metricRequest struct {
	metric string
	query  url.Values
}

// window is the time a request asks for, both ends included.
type window struct{ start, end time.Time }

// Windows ask for at least minWindow, so that an answer spans two of the
// agent's 2-minute samples, and at most maxWindow after a long gap.
const (
	minWindow = 5 * time.Minute
	maxWindow = 24 * time.Hour
)

// series is one series of an answer, its samples oldest first.
type series struct {
	labels  map[string]string
	samples []sample
}

type sample struct {
	at    time.Time
	value float64
}

// matrixAnswer is the body of a monitoring answer.
type matrixAnswer struct {
	Status string `json:"status"`
	Data   struct {
		ResultType string                 `json:"resultType"`
		Result     []metrics.SampleStream `json:"result"`
	} `json:"data"`
}

// getMetric reads one metric of the resource id of a kind ("droplet",
// "apps", "load_balancer") whose requests name it by idParam.
func getMetric(ctx context.Context, c *godo.Client, kind, idParam, id string, r metricRequest, w window) ([]series, error) {
	q := url.Values{idParam: {id}, "start": {unix(w.start)}, "end": {unix(w.end)}}
	for k, v := range r.query {
		q[k] = v
	}
	req, err := c.NewRequest(ctx, http.MethodGet, "v2/monitoring/metrics/"+kind+"/"+r.metric+"?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	var answer matrixAnswer
	if _, err := c.Do(ctx, req, &answer); err != nil {
		return nil, fmt.Errorf("%s %s of %s: %w", kind, r.metric, id, err)
	}
	if answer.Status != "success" || answer.Data.ResultType != "matrix" {
		return nil, fmt.Errorf("%s %s of %s: status %q, result type %q: %w", kind, r.metric, id,
			answer.Status, answer.Data.ResultType, errIncompleteAnswer)
	}
	return mapSeries(answer.Data.Result), nil
}

func unix(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// mapSeries keeps the samples that are numbers, oldest first, and drops
// series left with none.
func mapSeries(streams []metrics.SampleStream) []series {
	out := make([]series, 0, len(streams))
	for _, s := range streams {
		mapped := series{labels: make(map[string]string, len(s.Metric))}
		for k, v := range s.Metric {
			mapped.labels[string(k)] = string(v)
		}
		for _, v := range s.Values {
			if f := float64(v.Value); !math.IsNaN(f) && !math.IsInf(f, 0) {
				mapped.samples = append(mapped.samples, sample{at: v.Timestamp.Time(), value: f})
			}
		}
		slices.SortStableFunc(mapped.samples, func(a, b sample) int { return a.at.Compare(b.at) })
		if len(mapped.samples) > 0 {
			out = append(out, mapped)
		}
	}
	return out
}

// Window is what one series of a reading said: its value now, and the
// largest it reached in the window read. OK is false when the answer had
// no samples of it.
type Window struct {
	Value, Max float64
	OK         bool
}

// windowOf is the newest value of samples and their largest.
func windowOf(samples []sample) Window {
	if len(samples) == 0 {
		return Window{}
	}
	w := Window{Value: samples[len(samples)-1].value, Max: samples[0].value, OK: true}
	for _, s := range samples {
		w.Max = max(w.Max, s.value)
	}
	return w
}

// scaled multiplies a window's values, to turn percentages or Mbps into
// base units.
func (w Window) scaled(factor float64) Window {
	w.Value *= factor
	w.Max *= factor
	return w
}

// firstSeries is the samples of an answer's first series; an answer of a
// metric with one series has only that.
func firstSeries(answer []series) []sample {
	if len(answer) == 0 {
		return nil
	}
	return answer[0].samples
}

// joined pairs the samples of a and b taken at the same time, and gives
// what f makes of each pair; pairs for which f says !ok are left out.
func joined(a, b []sample, f func(x, y float64) (float64, bool)) []sample {
	at := make(map[time.Time]float64, len(b))
	for _, s := range b {
		at[s.at] = s.value
	}
	var out []sample
	for _, s := range a {
		if y, found := at[s.at]; found {
			if v, ok := f(s.value, y); ok {
				out = append(out, sample{at: s.at, value: v})
			}
		}
	}
	return out
}

// usedRatio is 1 - part/whole, for a whole that is not zero.
func usedRatio(whole, part float64) (float64, bool) {
	if whole <= 0 {
		return 0, false
	}
	return 1 - part/whole, true
}

// newest is the time of the newest sample of any answer.
func newest(answers [][]series) time.Time {
	var t time.Time
	for _, answer := range answers {
		for _, s := range answer {
			if n := len(s.samples); n > 0 && s.samples[n-1].at.After(t) {
				t = s.samples[n-1].at
			}
		}
	}
	return t
}
