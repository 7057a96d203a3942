package inventory

import (
	"context"
	"math"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// simClock is simulated time: Sleep moves it on at once. Once it passes
// end, it cancels the run it paces.
type simClock struct {
	mu     sync.Mutex
	now    time.Time
	end    time.Time
	cancel func()
}

func (c *simClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *simClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(max(d, 0))
	if !c.end.IsZero() && c.now.After(c.end) {
		c.cancel()
		return context.Canceled
	}
	return nil
}

func (c *simClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// t0 is on the 2-minute grid the agent samples on.
var t0 = time.Unix(1_790_000_040, 0)

// monitoredAPI serves acct and refreshes kinds, with the monitoring's
// options o, on the clock o names.
func monitoredAPI(t testing.TB, acct fakeapi.Account, budget float64, o MonitoringOptions, kinds ...string) (*fakeapi.Server, *Refresher) {
	t.Helper()
	api, err := fakeapi.NewServer(testToken, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	api.SetClock(o.Clock.Now)
	r, err := NewRefresher(Options{
		Account: "default", Client: ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 5 * time.Second},
		Kinds: kinds, Interval: 2 * time.Minute, DetailInterval: 15 * time.Minute, RequestBudget: budget,
		Monitoring: o, Logger: log.NewNopLogger(),
	})
	if err != nil {
		t.Fatal(err)
	}
	return api, r
}

func refreshAll(t testing.TB, r *Refresher) *Snapshot {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.Refresh(ctx)
	return r.Snapshot()
}

// exampleDroplet is the examples' first Droplet, which has all the metrics
// of the API's monitoring examples.
const exampleDroplet = "3164444"

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestDropletMetricsReadTheExamples reads the API's examples of every
// Droplet metric, bandwidth included, and checks the values against them.
func TestDropletMetricsReadTheExamples(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: fakeapi.ExampleDropletMetrics(t0)}
	clock := &simClock{now: t0}
	// A first reading asks for the last interval: 10 minutes hold every example sample.
	_, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock, Interval: 10 * time.Minute, DropletMetrics: DropletMetricGroups()},
		KindDroplets, KindDropletMetrics)
	data := DropletMetrics.Of(refreshAll(t, r))

	reading, ok := data.ByID[exampleDroplet]
	if !ok || len(data.ByID) != 1 || !reading.Sampled.Equal(t0) {
		t.Fatalf("readings %+v, want one of %s sampled at %v", data.ByID, exampleDroplet, t0)
	}
	u := reading.Values
	if u.CPUSeconds["idle"] != 123140.8 || u.CPUSeconds["user"] != 278.69 || len(u.CPUSeconds) != 8 {
		t.Errorf("CPU seconds %v, want the example's newest of each of 8 modes", u.CPUSeconds)
	}
	// Idle went from 122901.18 to 123140.8 of 123411.20 to 123651.12 in all:
	// busy 0.125% over the window, 0.183% in its first step.
	if !near(u.CPUBusy.Value, 1-(123140.8-122901.18)/(123651.12-123411.20)) || !near(u.CPUBusy.Max, 0.0018339446479834765) {
		t.Errorf("CPU busy %+v", u.CPUBusy)
	}
	if u.MemoryTotal.Value != 1 || !u.MemoryUsed.OK || u.MemoryUsed.Value != 0 || u.Load15.Value != 1 {
		t.Errorf("memory %+v, used %+v, load %+v: the example's 1s", u.MemoryTotal, u.MemoryUsed, u.Load15)
	}
	if fs := u.Filesystems; len(fs) != 1 || fs[0].Mountpoint != "/" || fs[0].Device != "/dev/vda1" ||
		fs[0].Size.Value != 25832407040 || fs[0].Used.Value != 0 {
		t.Errorf("filesystems %+v", fs)
	}
	if n := u.Network; len(n) != 4 || n[0].Interface != "public" || n[0].Direction != "inbound" ||
		!near(n[0].BytesPerSecond.Value, 0.016214285714285712e6/8) || !near(n[0].BytesPerSecond.Max, 0.016600450090265357e6/8) {
		t.Errorf("network %+v: want 4, the first public inbound in bytes per second", n)
	}
	if data.Coverage != (Coverage{Selected: 4, Covered: 1, SkippedNoAgent: 3}) {
		t.Errorf("coverage %+v: the examples' other three Droplets have no agent", data.Coverage)
	}
}

// memorySamples are memory samples of one Droplet every 2 minutes from
// from, of 4 GB with the used share of each.
func memorySamples(from time.Time, used ...float64) map[string][]fakeapi.Series {
	var total, available []fakeapi.Sample
	for i, u := range used {
		at := from.Add(time.Duration(i) * 2 * time.Minute)
		total = append(total, fakeapi.Sample{Time: at, Value: "4000000000"})
		available = append(available, fakeapi.Sample{Time: at, Value: strconv.FormatFloat(4e9*(1-u), 'f', 0, 64)})
	}
	return map[string][]fakeapi.Series{
		"droplet/memory_total":     {{Samples: total}},
		"droplet/memory_available": {{Samples: available}},
	}
}

// TestASpikeBetweenTwoRefreshesShowsInTheMax: at a 15-minute interval, a
// 2-minute spike of memory use in between is in the next reading's maximum,
// though its newest value is back to normal.
func TestASpikeBetweenTwoRefreshesShowsInTheMax(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.Droplets][0]["features"] = []string{"monitoring"}
	used := []float64{0.4, 0.41, 0.4, 0.42, 0.4, 0.41, 0.4, 0.98, 0.41, 0.4, 0.42, 0.4}
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: memorySamples(t0.Add(-8*time.Minute), used...)}
	clock := &simClock{now: t0}
	api, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock, Interval: 15 * time.Minute, DropletMetrics: []string{"memory"}},
		KindDroplets, KindDropletMetrics)

	first := DropletMetrics.Of(refreshAll(t, r)).ByID[exampleDroplet].Values.MemoryUsed
	if !near(first.Value, 0.4) || !near(first.Max, 0.42) {
		t.Errorf("first reading %+v, want 0.4 now and 0.42 at most", first)
	}
	clock.advance(15 * time.Minute)
	second := DropletMetrics.Of(refreshAll(t, r)).ByID[exampleDroplet].Values.MemoryUsed
	if !near(second.Value, 0.4) || !near(second.Max, 0.98) {
		t.Errorf("second reading %+v, want 0.4 now and the spike, 0.98, at most", second)
	}
	var starts []string
	for _, req := range api.Requests() {
		q, _ := url.ParseQuery(req.RawQuery)
		if req.Path == "/v2/monitoring/metrics/droplet/memory_total" && q.Get("host_id") == exampleDroplet {
			starts = append(starts, q.Get("start")+"-"+q.Get("end"))
		}
	}
	want := []string{unix(t0.Add(-15*time.Minute)) + "-" + unix(t0), unix(t0) + "-" + unix(t0.Add(15*time.Minute))}
	if len(starts) != 2 || starts[0] != want[0] || starts[1] != want[1] {
		t.Errorf("windows %v, want %v: the second starts where the first ended", starts, want)
	}
}

// TestACPUSpikeShowsInTheMax: CPU counters that run busy for one step of
// a window give a busy maximum of that step, and an average over the window.
func TestACPUSpikeShowsInTheMax(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.Droplets][0]["features"] = []string{"monitoring"}
	var idle, user []fakeapi.Sample
	idleSeconds, userSeconds := 1000.0, 100.0
	for i := range 8 { // one CPU: 120 seconds a step, 12 busy, but 114 in the fifth
		busy := map[bool]float64{true: 114, false: 12}[i == 4]
		at := t0.Add(time.Duration(i-7) * 2 * time.Minute)
		idleSeconds, userSeconds = idleSeconds+120-busy, userSeconds+busy
		idle = append(idle, fakeapi.Sample{Time: at, Value: strconv.FormatFloat(idleSeconds, 'f', -1, 64)})
		user = append(user, fakeapi.Sample{Time: at, Value: strconv.FormatFloat(userSeconds, 'f', -1, 64)})
	}
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: {"droplet/cpu": {
		{Labels: map[string]string{"mode": "idle"}, Samples: idle}, {Labels: map[string]string{"mode": "user"}, Samples: user}}}}
	clock := &simClock{now: t0}
	_, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock, Interval: 15 * time.Minute, DropletMetrics: []string{"cpu"}},
		KindDroplets, KindDropletMetrics)
	busy := DropletMetrics.Of(refreshAll(t, r)).ByID[exampleDroplet].Values.CPUBusy
	if !near(busy.Max, 0.95) || !near(busy.Value, (12*6+114)/(120*7.0)) {
		t.Errorf("busy %+v, want 0.95 at most, and the average of 7 steps", busy)
	}
}

// TestADropletWithoutSamplesIsAskedOnTheDetailCadence: one request tells a
// Droplet has no agent; it is skipped until the detail interval has passed,
// and read in full once its agent answers.
func TestADropletWithoutSamplesIsAskedOnTheDetailCadence(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.Droplets][0]["features"] = []string{"monitoring"} // the list says so, but it answers nothing
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: {}}
	clock := &simClock{now: t0}
	api, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock}, KindDroplets, KindDropletMetrics)
	asked := func() int { return api.CountRoute("GET", "/v2/monitoring/metrics/droplet/{id}") }

	s := refreshAll(t, r) // the list names no agent for the other three examples: one request each as well
	if n := asked(); n != 4 {
		t.Errorf("first round: %d requests, want one per Droplet", n)
	}
	if c := DropletMetrics.Of(s).Coverage; c != (Coverage{Selected: 4, SkippedNoAgent: 4}) {
		t.Errorf("coverage %+v, want all four without an agent", c)
	}
	for range 2 {
		clock.advance(5 * time.Minute)
		refreshAll(t, r)
	}
	if n := asked(); n != 4 {
		t.Errorf("%d requests within the detail interval, want none more", n)
	}
	api.Update(func(a *fakeapi.Account) { a.Metrics = map[string]map[string][]fakeapi.Series{} }) // its agent now answers
	clock.advance(5 * time.Minute)
	s = refreshAll(t, r)
	if n := asked(); n != 4+3+10 {
		t.Errorf("%d requests, want a probe of the three, and a whole reading of the one that answers", n)
	}
	if c := DropletMetrics.Of(s).Coverage; c != (Coverage{Selected: 4, Covered: 1, SkippedNoAgent: 3}) {
		t.Errorf("coverage %+v, want the one with an agent covered", c)
	}
}

func TestDropletsAreSelectedByStatusAndTag(t *testing.T) {
	acct := fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 12})
	clock := &simClock{now: t0}
	_, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock, DropletTags: []string{"web", "db"}},
		KindDroplets, KindDropletMetrics)
	s := refreshAll(t, r)
	want := map[string]bool{}
	for _, d := range Droplets.Of(s) {
		if d.Status == "active" && (hasTag(d.Tags, "web") || hasTag(d.Tags, "db")) {
			want[strconv.Itoa(d.ID)] = true
		}
	}
	data := DropletMetrics.Of(s)
	if len(want) < 3 || len(data.ByID) != len(want) || data.Coverage.Selected != len(want) {
		t.Fatalf("read %d Droplets, coverage %+v; want the %d active ones tagged web or db", len(data.ByID), data.Coverage, len(want))
	}
	for id := range data.ByID {
		if !want[id] {
			t.Errorf("read Droplet %s, which is off or has neither tag", id)
		}
	}
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}

func TestAppAndLoadBalancerMetricsReadTheirAnswers(t *testing.T) {
	acct := fakeapi.Examples()
	app := acct.Lists[fakeapi.Apps][0]["id"].(string)
	acct.Metrics = map[string]map[string][]fakeapi.Series{app: fakeapi.ExampleAppMetrics(t0)}
	clock := &simClock{now: t0}
	_, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock},
		KindApps, KindLoadBalancers, KindAppMetrics, KindLoadBalancerMetrics)
	s := refreshAll(t, r)
	instances := AppMetrics.Of(s).ByID[app].Values.Instances
	if len(instances) != 1 || instances[0].Component != "sample-application" || instances[0].Instance != "sample-application-0" {
		t.Fatalf("instances %+v, want the example's one", instances)
	}
	if i := instances[0]; !near(i.Memory.Value, 0.32016214285714285712) || !near(i.CPU.Max, 0.32016214285714285712) ||
		!near(i.Restarts.Value, 32.016214285714285712) {
		t.Errorf("instance %+v: the example's values, percentages as shares", i)
	}
	lbs := LoadBalancerMetrics.Of(s)
	if len(lbs.ByID) != len(LoadBalancers.Of(s)) || lbs.Coverage.Covered != len(lbs.ByID) {
		t.Fatalf("load balancers read: %d, coverage %+v", len(lbs.ByID), lbs.Coverage)
	}
	for id, reading := range lbs.ByID {
		traffic := reading.Values
		if !traffic.Connections.OK || len(traffic.Responses) != 4 || traffic.Responses["5xx"].Value <= 0 {
			t.Errorf("%s: %+v, want connections and 4 classes of responses", id, traffic)
		}
	}
}

func TestMonitoringBudgetStretchesThenCoversInTurn(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute, false)
	b.monitor(KindDropletMetrics, 5*time.Minute, time.Hour)
	b.record(KindDroplets, 3, 5000) // 90 an hour: 2,410 left

	plan := b.planMonitoring(KindDropletMetrics, 100, 10, 5000) // 1,200 an hour: fits
	if plan.interval != 5*time.Minute || plan.share != 1 {
		t.Errorf("100 requests a round: %+v, want every 5 minutes, whole", plan)
	}
	// 24,000 an hour at 5 minutes, into 2,400: one reading is kept aside
	plan = b.planMonitoring(KindDropletMetrics, 2000, 10, 5000)
	stretch := 24000.0 / 2400
	if want := time.Duration(float64(5*time.Minute) * stretch); plan.interval != want || plan.share != 1 {
		t.Errorf("2,000 requests a round: %+v, want every %v, whole", plan, want)
	}
	plan = b.planMonitoring(KindDropletMetrics, 2800, 14, 5000)
	if plan.interval != time.Hour || !near(plan.share, 2396.0/2800) {
		t.Errorf("2,800 requests a round: %+v, want every hour, %.3f of it", plan, 2396.0/2800)
	}
	if b.interval(KindDropletMetrics) != time.Hour {
		t.Errorf("the monitored kind's interval: %v", b.interval(KindDropletMetrics))
	}
	// Lists that take the whole budget leave monitoring a tenth of it.
	b.record(KindDroplets, 200, 5000) // 6,000 an hour
	plan = b.planMonitoring(KindDropletMetrics, 2800, 14, 5000)
	if !near(plan.share, 236.0/2800) {
		t.Errorf("with lists over the budget: %+v, want %.3f of a round an hour", plan, 236.0/2800)
	}
	stretch = 6000.0 / 2250
	if got := b.interval(KindDroplets); got != time.Duration(float64(2*time.Minute)*stretch) {
		t.Errorf("lists stretched to %v, to fit 2,250 an hour", got)
	}
}

// TestAFailedReadingLosesNoWindow: a reading that fails leaves the window
// where it was, so the next one asks for the time the failed one missed.
func TestAFailedReadingLosesNoWindow(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.Droplets][0]["features"] = []string{"monitoring"}
	used := make([]float64, 20)
	for i := range used {
		used[i] = 0.5
	}
	used[7] = 0.99 // at t0+4m: in the window of the reading that fails
	acct.Metrics = map[string]map[string][]fakeapi.Series{exampleDroplet: memorySamples(t0.Add(-10*time.Minute), used...)}
	clock := &simClock{now: t0}
	api, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock, DropletMetrics: []string{"memory"}},
		KindDroplets, KindDropletMetrics)
	refreshAll(t, r)
	clock.advance(5 * time.Minute)
	api.SetFault("/v2/monitoring/metrics/droplet/memory_available", fakeapi.Fault{Status: 500, Times: DefaultRetryPolicy.Attempts})
	s := refreshAll(t, r)
	if st := s.Status[KindDropletMetrics]; st.Reason != ReasonServerError {
		t.Errorf("status %+v, want the failed reading's server_error", st)
	}
	clock.advance(5 * time.Minute)
	s = refreshAll(t, r)
	used1 := DropletMetrics.Of(s).ByID[exampleDroplet].Values.MemoryUsed
	if !s.Status[KindDropletMetrics].Succeeded() || !near(used1.Max, 0.99) || !near(used1.Value, 0.5) {
		t.Errorf("after the failure: %+v, status %+v; want the spike of the missed window", used1, s.Status[KindDropletMetrics])
	}
}

// TestARoundPublishesEveryTenSecondsAtMost: a round of 60 Droplets over 5
// minutes reads one every 5 seconds, and publishes every other reading and
// its last: the caches built from the kind turn over at most every 10 s.
func TestARoundPublishesEveryTenSecondsAtMost(t *testing.T) {
	clock := &simClock{now: t0}
	_, r := monitoredAPI(t, fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 60}), 0,
		MonitoringOptions{Clock: clock, Interval: 5 * time.Minute, DropletMetrics: []string{"cpu"}}, KindDroplets, KindDropletMetrics)
	s := refreshAll(t, r)
	read := len(DropletMetrics.Of(s).ByID)
	if read < 40 {
		t.Fatalf("%d Droplets read, want the 40 or more active ones with the agent", read)
	}
	if got, want := s.Status[KindDropletMetrics].Refreshes, (read+1)/2; got != want {
		t.Errorf("%d publications for %d readings 5 s apart, want %d", got, read, want)
	}
}
