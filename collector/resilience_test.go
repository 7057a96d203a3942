package collector

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// burstBudget is what the budget allows once the fake reports a huge
// limit: the API's burst limit of 250 requests a minute.
const burstPerSecond = 250.0 / 60

// runningAccount runs a refresher loop of droplets against api, fast, for
// the scenarios below.
func runningAccount(t *testing.T, api *fakeapi.Server) (*inventory.Refresher, func()) {
	t.Helper()
	r, err := inventory.NewRefresher(inventory.Options{
		Account:       "default",
		Client:        inventory.ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 5 * time.Second},
		Kinds:         []string{inventory.KindDroplets},
		Interval:      100 * time.Millisecond,
		RequestBudget: 0.5,
		Logger:        log.NewNopLogger(),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.Run(ctx); close(done) }()
	return r, func() { cancel(); <-done }
}

// scrapeFor gathers every few milliseconds for d and fails on any error.
func scrapeFor(t *testing.T, g *Gatherer, d time.Duration) int {
	t.Helper()
	scrapes := 0
	for end := time.Now().Add(d); time.Now().Before(end); scrapes++ {
		if _, err := g.Gather(); err != nil {
			t.Fatalf("scrape %d failed: %v", scrapes, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return scrapes
}

func waitForStatus(t *testing.T, r *inventory.Refresher, kind string, ok func(inventory.Status) bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); !ok(r.Snapshot().Status[kind]); {
		if time.Now().After(end) {
			t.Fatalf("%s never reached the expected state: %+v", kind, r.Snapshot().Status[kind])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestResilienceUnderFaults injects each fault into a running account for
// a while: scrapes keep succeeding, the health metrics say what happened,
// nothing known is lost, and the refreshes are spaced as the budget plans.
// A share of failing requests is absorbed by retries; a fault on every
// request fails the refresh, with its reason counted.
func TestResilienceUnderFaults(t *testing.T) {
	for _, tc := range []struct {
		name   string
		size   fakeapi.Size
		fault  func(*fakeapi.Server)
		reason inventory.Reason // "": the refreshes keep succeeding
	}{
		{"30% of requests fail with 503", fakeapi.Size{fakeapi.Droplets: 40}, func(api *fakeapi.Server) {
			api.SetFault("/v2/droplets", fakeapi.Fault{Status: 503, Share: 0.3})
		}, ""},
		{"every request fails with 503", fakeapi.Size{fakeapi.Droplets: 40}, func(api *fakeapi.Server) {
			api.SetFault("/v2/droplets", fakeapi.Fault{Status: 503})
		}, inventory.ReasonServerError},
		{"a storm of 429s", fakeapi.Size{fakeapi.Droplets: 40}, func(api *fakeapi.Server) {
			api.SetFault("*", fakeapi.Fault{Status: 429, RetryAfter: 1})
		}, inventory.ReasonRateLimited},
		{"a hung endpoint", fakeapi.Size{fakeapi.Droplets: 40}, func(api *fakeapi.Server) {
			api.SetFault("/v2/droplets", fakeapi.Fault{Hang: true})
		}, inventory.ReasonTimeout},
		{"the token revoked", fakeapi.Size{fakeapi.Droplets: 40}, func(api *fakeapi.Server) {
			api.SetToken("dop_v1_revoked")
		}, inventory.ReasonUnauthorized},
		{"10,000 droplets, 30% of pages failing", fakeapi.Size{fakeapi.Droplets: 10000}, func(api *fakeapi.Server) {
			api.SetFault("/v2/droplets", fakeapi.Fault{Status: 500, Share: 0.3})
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api, err := fakeapi.NewServer(testToken, fakeapi.Generate(tc.size))
			if err != nil {
				t.Fatal(err)
			}
			defer api.Close()
			api.SetRateLimit(10_000_000) // so that the burst limit is the budget that binds
			r, stop := runningAccount(t, api)
			defer stop()
			g := NewGatherer(inventory.Refreshers{r}, func(string) bool { return true })
			waitForStatus(t, r, inventory.KindDroplets, inventory.Status.Known)
			known := len(inventory.Droplets.Of(r.Snapshot()))

			tc.fault(api)
			before := r.Snapshot().Status[inventory.KindDroplets].Refreshes
			// The budget spaces a refresh of 51 pages about 12s apart.
			scrapeFor(t, g, 3*time.Second)
			for end := time.Now().Add(30 * time.Second); r.Snapshot().Status[inventory.KindDroplets].Refreshes == before; {
				if time.Now().After(end) {
					t.Fatalf("no refresh during the fault in 30s: %+v", r.Snapshot().Status[inventory.KindDroplets])
				}
				scrapeFor(t, g, 100*time.Millisecond)
			}
			status := r.Snapshot().Status[inventory.KindDroplets]
			switch {
			case tc.reason != "" && status.Errors[tc.reason] == 0:
				t.Errorf("no %s failure counted: %+v", tc.reason, status)
			case tc.reason == "" && len(status.Errors) > 0:
				t.Errorf("retries did not absorb the failures: %+v", status)
			}
			if got := len(inventory.Droplets.Of(r.Snapshot())); got != known {
				t.Errorf("%d droplets known during the fault, %d before", got, known)
			}
			// The budget plans the interval from what a refresh costs: the
			// pages of the list at the API's burst rate, at least. (A paused
			// or hung refresh costs next to nothing.)
			pages := float64(tc.size[fakeapi.Droplets]/200 + 2)
			least := time.Duration(pages / burstPerSecond * float64(time.Second))
			if tc.reason == "" && status.Interval < least*9/10 {
				t.Errorf("planned interval %s, want at least %s for %.0f requests a refresh", status.Interval, least, pages)
			}

			api.ClearFaults()
			api.SetToken(testToken)
			waitForStatus(t, r, inventory.KindDroplets, inventory.Status.Succeeded)
			waitForStatus(t, r, inventory.KindAccount, inventory.Status.Succeeded)
			if !r.Snapshot().Up() {
				t.Error("not up after the fault cleared")
			}
		})
	}
}

// TestSoakLeavesNoGoroutinesOrHeapBehind runs many refresh cycles with
// faults and changing inventory, then stops: goroutines and heap return
// to about where they started.
func TestSoakLeavesNoGoroutinesOrHeapBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test: skipped with -short")
	}
	goroutines, heap := measure()
	api, err := fakeapi.NewServer(testToken, fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 500, fakeapi.Clusters: 5, fakeapi.Databases: 5, fakeapi.Apps: 20}))
	if err != nil {
		t.Fatal(err)
	}
	api.SetRateLimit(10_000_000)
	r, stop := runningAccount(t, api)
	g := NewGatherer(inventory.Refreshers{r}, func(string) bool { return true })
	faults := []fakeapi.Fault{{Status: 503, Share: 0.3}, {Status: 429, RetryAfter: 1, Times: 1}, {Hang: true, Times: 2}, {}}
	for cycle := range 8 {
		api.ClearFaults()
		if f := faults[cycle%len(faults)]; f != (fakeapi.Fault{}) {
			api.SetFault("*", f)
		}
		api.Update(func(a *fakeapi.Account) {
			a.Lists[fakeapi.Droplets] = append(a.Lists[fakeapi.Droplets][1:], a.Lists[fakeapi.Droplets][0])
		})
		scrapeFor(t, g, 400*time.Millisecond)
	}
	stop()
	api.Close()
	// Idle HTTP connections close with their transport; give them a moment.
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if n, _ := measure(); n <= goroutines+2 {
			break
		}
	}
	g, r = nil, nil
	afterGoroutines, afterHeap := measure()
	if afterGoroutines > goroutines+2 {
		t.Errorf("goroutines: %d before, %d after", goroutines, afterGoroutines)
	}
	if afterHeap > heap+8<<20 {
		t.Errorf("heap: %d MiB before, %d MiB after", heap>>20, afterHeap>>20)
	}
}

func measure() (goroutines int, heap uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}
