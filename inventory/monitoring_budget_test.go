package inventory

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestTwoHundredDropletsStayWithinTheDefaultBudget runs an account of 200
// Droplets with the agent through three simulated hours at the default
// budget (half of 5,000 requests an hour), with the default metric groups
// (10 requests a Droplet, which fit once the interval is stretched) and
// with bandwidth (14, which do not fit even at the longest interval). It
// counts the requests the fake API received in every hour and minute of
// simulated time, and when each Droplet was read.
func TestTwoHundredDropletsStayWithinTheDefaultBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("sends about 7,000 requests over loopback")
	}
	for _, tc := range []struct {
		groups          []string
		covered, rounds int // per round; rounds to read them all
	}{
		{DefaultDropletMetrics, 200, 1},
		{DropletMetricGroups(), 171, 2}, // 2,396 requests an hour fit 171 Droplets of 14
	} {
		t.Run(strings.Join(tc.groups, ","), func(t *testing.T) {
			t.Parallel()
			acct := fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 200})
			for _, d := range acct.Lists[fakeapi.Droplets] {
				d["status"] = "active"
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			clock := &simClock{now: t0, end: t0.Add(3 * time.Hour), cancel: cancel}
			api, r := monitoredAPI(t, acct, 0.5, MonitoringOptions{Clock: clock, DropletMetrics: tc.groups},
				KindDroplets, KindDropletMetrics)
			r.Run(ctx)

			requests := api.Requests()
			r.budget.mu.Lock()
			lists := r.budget.planLocked(r.recorder.limit()).requestsPerHour()
			r.budget.mu.Unlock()
			allowed := 0.5*5000 - lists
			monitoring := slices.DeleteFunc(slices.Clone(requests), func(req fakeapi.Request) bool {
				return !strings.HasPrefix(req.Path, "/v2/monitoring/")
			})
			perHour, perMinute := busiest(monitoring, time.Hour), busiest(requests, time.Minute)
			t.Logf("%d requests in 3 simulated hours; at most %d for monitoring in an hour (lists plan %.0f; budget %.0f); "+
				"at most %d in a minute", len(requests), perHour, lists, 0.5*5000, perMinute)
			if float64(perHour) > allowed || perHour < int(0.9*allowed) {
				t.Errorf("monitoring sent up to %d requests an hour, want close to but within the %.0f the lists leave", perHour, allowed)
			}
			if perMinute > maxRequestsPerMinute {
				t.Errorf("%d requests in a minute, over the API's burst limit", perMinute)
			}

			data := DropletMetrics.Of(r.Snapshot())
			want := Coverage{Selected: 200, Covered: tc.covered, SkippedBudget: 200 - tc.covered}
			if data.Coverage != want || len(data.ByID) != 200 {
				t.Errorf("coverage %+v with %d readings, want %+v and a reading of every Droplet", data.Coverage, len(data.ByID), want)
			}
			interval := r.Snapshot().Status[KindDropletMetrics].Interval
			if tc.rounds > 1 && interval != time.Hour {
				t.Errorf("interval %v, want the longest allowed when not all fit", interval)
			}
			checkRoundRobin(t, monitoring, tc.rounds, interval)
		})
	}
}

// busiest is the most requests made in any span of length d (a request
// counts from when it was made until d later, as the API counts them).
func busiest(requests []fakeapi.Request, d time.Duration) int {
	most, first := 0, 0
	for last := range requests {
		for requests[first].At.Add(d).Compare(requests[last].At) <= 0 {
			first++
		}
		most = max(most, last-first+1)
	}
	return most
}

// checkRoundRobin checks that every Droplet was first read within rounds
// rounds, and never waited more than rounds+1 intervals between readings.
func checkRoundRobin(t *testing.T, requests []fakeapi.Request, rounds int, interval time.Duration) {
	t.Helper()
	readings := map[string][]time.Time{} // a reading starts with the CPU
	for _, req := range requests {
		if req.Path == "/v2/monitoring/metrics/droplet/cpu" {
			q, _ := url.ParseQuery(req.RawQuery)
			readings[q.Get("host_id")] = append(readings[q.Get("host_id")], req.At)
		}
	}
	if len(readings) != 200 {
		t.Fatalf("%d Droplets read, want 200", len(readings))
	}
	for id, times := range readings {
		if first := times[0].Sub(t0); first >= time.Duration(rounds)*interval {
			t.Errorf("Droplet %s first read %v after the start, want within %d rounds of %v", id, first, rounds, interval)
		}
		for i := 1; i < len(times); i++ {
			if gap := times[i].Sub(times[i-1]); gap > time.Duration(rounds+1)*interval {
				t.Errorf("Droplet %s waited %v between readings, want at most %d intervals", id, gap, rounds+1)
			}
		}
	}
}

// TestALateStepMovesTheNextOnes: a reading that takes two minutes (of
// simulated time) does not make the readings due meanwhile come at once:
// no two start closer than the plan's spacing.
func TestALateStepMovesTheNextOnes(t *testing.T) {
	acct := fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 20})
	for _, d := range acct.Lists[fakeapi.Droplets] {
		d["status"] = "active"
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clock := &simClock{now: t0, end: t0.Add(5 * time.Minute), cancel: cancel}
	requests := 0
	slowClock := func() time.Time { // the 33rd request, in the fourth reading, answers two minutes later
		if requests++; requests == 33 {
			clock.advance(2 * time.Minute)
		}
		return clock.Now()
	}
	api, r := monitoredAPI(t, acct, 0, MonitoringOptions{Clock: clock}, KindDroplets, KindDropletMetrics)
	api.SetClock(slowClock)
	r.Run(ctx)

	var starts []time.Time
	for _, req := range api.Requests() {
		if req.Path == "/v2/monitoring/metrics/droplet/cpu" {
			starts = append(starts, req.At)
		}
	}
	gap := 5 * time.Minute / 20
	if len(starts) < 8 {
		t.Fatalf("%d readings, want at least 8", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if d := starts[i].Sub(starts[i-1]); d < gap {
			t.Errorf("reading %d started %v after the one before, want at least %v", i, d, gap)
		}
	}
}
