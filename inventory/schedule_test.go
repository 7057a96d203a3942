package inventory

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

// Scheduling: pauses, backoff, per-object kinds and the refresh hook.

func TestA429PausesTheWholeAccount(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/droplets", fakeapi.Fault{Status: 429, RetryAfter: 600, Times: 1})
	err := api.refresher.refresh(context.Background(), resourceOf(KindDroplets))
	if ReasonOf(err) != ReasonRateLimited {
		t.Fatalf("429: %v", err)
	}
	api.ResetCounts()
	s := api.refresh(t)
	if n := len(api.Requests()); n != 0 {
		t.Errorf("%d requests sent during the pause", n)
	}
	for kind, st := range s.Status {
		if st.Reason != ReasonRateLimited {
			t.Errorf("%s during the pause: reason %q, want rate_limited", kind, st.Reason)
		}
	}
	if until := s.API.PausedUntil; until.Before(time.Now().Add(590*time.Second)) || s.API.Pauses != 1 {
		t.Errorf("pause until %v (%d pauses), want about 10 minutes from now, once", until, s.API.Pauses)
	}
	if wait := api.refresher.nextWait(resourceOf(KindApps), err, 1); wait < 590*time.Second {
		t.Errorf("next refresh in %v, before the pause ends", wait)
	}
}

func TestServerErrorsBackOffExponentiallyUpToTheInterval(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/apps", fakeapi.Fault{Status: 503})
	err := api.refresher.refresh(context.Background(), resourceOf(KindApps))
	for failures, limit := range map[int]time.Duration{1: 5 * time.Second, 2: 10 * time.Second, 3: 20 * time.Second, 20: time.Minute} {
		wait := api.refresher.nextWait(resourceOf(KindApps), err, failures)
		if wait < limit/2 || wait > limit {
			t.Errorf("after %d failures: wait %v, want within [%v, %v]", failures, wait, limit/2, limit)
		}
	}
	if wait := api.refresher.nextWait(resourceOf(KindApps), nil, 0); wait < 54*time.Second {
		t.Errorf("after a success: wait %v, want about the interval", wait)
	}
}

func TestForbiddenNamesTheMissingScopeOnce(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/load_balancers", fakeapi.Fault{Status: 403})
	api.refresh(t)
	api.refresh(t)
	logs := api.logs.String()
	if n := countLines(logs, "resource=loadbalancers ", "missing_scope=load_balancer:read"); n != 1 {
		t.Errorf("the missing scope was logged %d times, want once:\n%s", n, logs)
	}
	if s := api.refresher.Snapshot(); !s.Status[KindFirewalls].Succeeded() || !s.Up() {
		t.Error("a 403 on load balancers touched other kinds")
	}
}

func TestPerObjectKindsFailAlone(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/databases/{id}/firewall", fakeapi.Fault{Status: 500})
	s := api.refresh(t)
	if st := s.Status[KindDatabaseTrustedSources]; st.Reason != ReasonServerError {
		t.Errorf("trusted sources: %+v, want server_error", st)
	}
	if !s.Status[KindDatabases].Succeeded() || len(Databases.Of(s)) != 1 {
		t.Error("the database list failed with its trusted sources")
	}
	if got := api.CountRoute("GET", "/v2/databases/{id}/firewall"); got != testRetry.Attempts {
		t.Errorf("%d trusted-source requests, want one per database, tried %d times", got, testRetry.Attempts)
	}
}

func TestPerObjectKindsWaitForTheirParent(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/kubernetes/clusters", fakeapi.Fault{Status: 403})
	s := api.refresh(t)
	if st := s.Status[KindKubernetesUpgrades]; st.Refreshes != 1 || st.Reason != ReasonForbidden {
		t.Errorf("upgrades without a cluster list: %+v, want a forbidden failure", st)
	}
	if got := api.CountRoute("GET", "/v2/kubernetes/clusters/{id}/upgrades"); got != 0 {
		t.Errorf("%d upgrade requests without a cluster list", got)
	}
}

func TestOnRefreshSeesBeforeAndAfter(t *testing.T) {
	api, err := fakeapi.NewServer(testToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	var mu sync.Mutex
	seen := map[string][2]int{} // kind → droplets before, after
	r, err := NewRefresher(Options{
		Account: "default", Client: ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: time.Second},
		Kinds: []string{KindDroplets}, Interval: time.Minute, Logger: log.NewNopLogger(),
		OnRefresh: func(kind string, before, after *Snapshot) {
			mu.Lock()
			defer mu.Unlock()
			seen[kind] = [2]int{len(Droplets.Of(before)), len(Droplets.Of(after))}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r.Refresh(context.Background())
	api.Update(func(a *fakeapi.Account) { a.Lists[fakeapi.Droplets] = a.Lists[fakeapi.Droplets][1:] })
	api.SetFault("/v2/account", fakeapi.Fault{Status: 500})
	r.Refresh(context.Background())
	if got := seen[KindDroplets]; got != [2]int{4, 3} {
		t.Errorf("droplets before and after the second refresh: %v, want [4 3]", got)
	}
	if _, called := seen[KindAccount]; !called {
		t.Error("the first, successful account refresh was not reported")
	}
	if len(seen) != 2 {
		t.Errorf("reported kinds: %v", seen)
	}
}

func TestStretchingIsLoggedOnceAndShown(t *testing.T) {
	api, err := fakeapi.NewServer(testToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	logs := &testlog.Buffer{}
	r, err := NewRefresher(Options{
		Account: "default", Client: ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: time.Second},
		Kinds: []string{KindDroplets}, Interval: time.Second, RequestBudget: 0.5, Logger: log.NewLogfmtLogger(logs),
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		r.Refresh(context.Background())
	}
	// 3 requests a second is 10,800 an hour against a budget of 2,500.
	if n := countLines(logs.String(), "stretching refresh intervals"); n != 1 {
		t.Errorf("stretching logged %d times, want once:\n%s", n, logs)
	}
	if got := r.Snapshot().Status[KindDroplets].Interval; got < 4*time.Second {
		t.Errorf("planned droplet interval %v, want it stretched past 4s", got)
	}
}
