package collector

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-kit/log"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const testToken = "dop_v1_collector_test_token"

// testNow is the time of the fake API and of the refreshers in these tests,
// so that the month billed so far and the balance stay the same: 20
// January 2025, noon UTC, when the API's insights example was dated.
var testNow = time.Date(2025, time.January, 20, 12, 0, 0, 0, time.UTC)

// startAPI serves acct from the fake API and refreshes every kind once
// through the real client, so collectors see what a user would.
func startAPI(tb testing.TB, acct fakeapi.Account) (*fakeapi.Server, *inventory.Refresher) {
	return startAPIOf(tb, acct, inventory.Kinds())
}

// startAPIOf is startAPI for the given kinds.
func startAPIOf(tb testing.TB, acct fakeapi.Account, kinds []string) (*fakeapi.Server, *inventory.Refresher) {
	tb.Helper()
	api, err := fakeapi.NewServer(testToken, acct)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(api.Close)
	api.SetClock(func() time.Time { return testNow })
	r := newTestRefresher(tb, api.URL, kinds...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.Refresh(ctx)
	for kind, status := range r.Snapshot().Status {
		if !status.Succeeded() {
			tb.Fatalf("refresh of %s failed: %s", kind, status.Reason)
		}
	}
	return api, r
}

// refreshedSource is startAPI for tests that only read.
func refreshedSource(tb testing.TB, acct fakeapi.Account) inventory.Refreshers {
	_, r := startAPI(tb, acct)
	return inventory.Refreshers{r}
}

// newTestRefresher refreshes kinds, or every kind when none are given.
func newTestRefresher(tb testing.TB, url string, kinds ...string) *inventory.Refresher {
	tb.Helper()
	if kinds == nil {
		kinds = inventory.Kinds()
	}
	r, err := inventory.NewRefresher(inventory.Options{
		Account:    "default",
		Client:     inventory.ClientOptions{BaseURL: url, Token: func() string { return testToken }, Timeout: 10 * time.Second},
		Kinds:      kinds,
		Interval:   time.Minute,
		Monitoring: testMonitoring(&testClock{now: monitoringNow}),
		Logger:     log.NewNopLogger(),
		Now:        func() time.Time { return testNow },
	})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// TestCollectorsOnExamples runs the API's own example responses through the
// refresher and each collector and compares with testdata/<name>.prom.
func TestCollectorsOnExamples(t *testing.T) {
	src := refreshedSource(t, examples())
	for _, f := range Factories {
		t.Run(f.Name, func(t *testing.T) {
			compareGolden(t, f.New(src), filepath.Join("testdata", f.Name+".prom"))
		})
	}
}

// TestHealthOnExamples checks the health metrics that do not depend on time.
func TestHealthOnExamples(t *testing.T) {
	src := refreshedSource(t, examples())
	compareGolden(t, newHealthCollector(src), filepath.Join("testdata", "health.prom"),
		"digitalocean_up", "digitalocean_refresh_success", "digitalocean_refresh_errors_total",
		"digitalocean_api_requests_total", "digitalocean_api_rate_limit_limit", "digitalocean_refresh_interval_seconds",
		"digitalocean_api_pauses_total", "digitalocean_api_paused_until_timestamp_seconds")
}

func compareGolden(t *testing.T, c prometheus.Collector, golden string, names ...string) {
	t.Helper()
	if *update {
		writeGolden(t, c, golden, names)
	}
	expected, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if err := testutil.CollectAndCompare(c, bytes.NewReader(expected), names...); err != nil {
		t.Error(err)
	}
	problems, err := testutil.CollectAndLint(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("lint: %s: %s", p.Metric, p.Text)
	}
}

func writeGolden(t *testing.T, c prometheus.Collector, golden string, names []string) {
	if err := os.WriteFile(golden, []byte(collectText(t, c, names...)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEveryMetricHasHelp guards the promise that HELP says what a metric means.
func TestEveryMetricHasHelp(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	reg := NewGatherer(src, func(string) bool { return true })
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range families {
		if !strings.HasSuffix(mf.GetHelp(), ".") || len(mf.GetHelp()) < 20 {
			t.Errorf("%s: HELP %q is not a sentence", mf.GetName(), mf.GetHelp())
		}
	}
}

// TestScrapesWhileRefreshesSwapSnapshots gathers from several goroutines
// while the refresher keeps publishing; run with -race.
func TestScrapesWhileRefreshesSwapSnapshots(t *testing.T) {
	api, r := startAPI(t, fakeapi.Demo())
	reg := NewGatherer(inventory.Refreshers{r}, func(string) bool { return true })
	ctx, cancel := context.WithCancel(context.Background())
	var refreshes sync.WaitGroup
	refreshes.Go(func() {
		for i := 0; ctx.Err() == nil; i++ {
			api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets][0]["status"] = []string{"active", "off"}[i%2] })
			r.Refresh(ctx)
		}
	})
	var scrapes sync.WaitGroup
	for range 4 {
		scrapes.Go(func() {
			for range 25 {
				if _, err := reg.Gather(); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	scrapes.Wait()
	cancel()
	refreshes.Wait()
}
