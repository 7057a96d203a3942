package inventory

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/digitalocean/godo"
	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

const testToken = "dop_v1_refresher_test_token"

// testRetry retries as production does, but fast.
var testRetry = RetryPolicy{Attempts: 3, Base: time.Millisecond, Max: 5 * time.Millisecond}

type testAPI struct {
	*fakeapi.Server
	refresher *Refresher
	logs      *testlog.Buffer
}

// newTestAPI serves acct from the fake API and points a refresher of every
// kind at it through the real client.
func newTestAPI(t testing.TB, acct fakeapi.Account) *testAPI { return newTestAPIOf(t, acct, Kinds()) }

// newTestAPIOf is newTestAPI for the given kinds.
func newTestAPIOf(t testing.TB, acct fakeapi.Account, kinds []string) *testAPI {
	t.Helper()
	return newTestAPIWith(t, acct, kinds, Settings{})
}

// newTestAPIWith is newTestAPIOf for an account with settings.
func newTestAPIWith(t testing.TB, acct fakeapi.Account, kinds []string, settings Settings) *testAPI {
	t.Helper()
	api, err := fakeapi.NewServer(testToken, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	logs := &testlog.Buffer{}
	r, err := NewRefresher(Options{
		Account: "default",
		Client: ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 5 * time.Second,
			Retry: testRetry},
		Kinds:    kinds,
		Interval: time.Minute,
		Logger:   log.NewLogfmtLogger(logs),
		Settings: settings,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &testAPI{Server: api, refresher: r, logs: logs}
}

func (a *testAPI) refresh(t testing.TB) *Snapshot {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a.refresher.Refresh(ctx)
	return a.refresher.Snapshot()
}

func TestPaginationFollowsLinksWithFewestRequests(t *testing.T) {
	api := newTestAPI(t, fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 450, fakeapi.GPUDroplets: 3, fakeapi.Clusters: 2, fakeapi.Databases: 2, fakeapi.Apps: 201}))
	s := api.refresh(t)

	if len(Droplets.Of(s)) != 453 || len(Apps.Of(s)) != 201 {
		t.Fatalf("got %d droplets and %d apps, want 453 and 201", len(Droplets.Of(s)), len(Apps.Of(s)))
	}
	seen := map[int]bool{}
	for _, d := range Droplets.Of(s) {
		if seen[d.ID] {
			t.Fatalf("droplet %d listed twice", d.ID)
		}
		seen[d.ID] = true
	}
	for path, want := range map[string]int{
		"/v2/droplets":            3 + 1, // ceil(450/200) plain pages, one GPU page
		"/v2/apps":                2,
		"/v2/kubernetes/clusters": 1,
		"/v2/databases":           1,
		"/v2/account":             1,
	} {
		if got := api.Count("GET", path); got != want {
			t.Errorf("%s: %d requests, want %d", path, got, want)
		}
	}
	paginated := []string{"/v2/droplets", "/v2/apps", "/v2/kubernetes/clusters", "/v2/firewalls", "/v2/load_balancers"}
	for _, req := range api.Requests() {
		q, _ := url.ParseQuery(req.RawQuery)
		if slices.Contains(paginated, req.Path) && q.Get("per_page") != "200" {
			t.Errorf("%s?%s does not ask for 200 per page", req.Path, req.RawQuery)
		}
	}
}

func TestExporterNeverSendsAWritingMethod(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.refresh(t)
	ctx := context.Background()
	if _, err := api.refresher.client.Droplets.Delete(ctx, 3164444); err == nil {
		t.Error("DELETE through the exporter's client succeeded")
	}
	if _, _, err := api.refresher.client.Droplets.Create(ctx, &godo.DropletCreateRequest{Name: "x"}); err == nil {
		t.Error("POST through the exporter's client succeeded")
	}
	for _, req := range api.Requests() {
		if req.Method != "GET" && req.Method != "HEAD" {
			t.Errorf("%s %s reached the API", req.Method, req.Path)
		}
	}
}

func TestFailureKeepsLastGoodDataOfThatKindOnly(t *testing.T) {
	for _, tc := range []struct {
		name   string
		route  string
		fault  fakeapi.Fault
		reason Reason
	}{
		{"forbidden", "/v2/databases", fakeapi.Fault{Status: 403}, ReasonForbidden},
		{"server error", "/v2/kubernetes/clusters", fakeapi.Fault{Status: 500}, ReasonServerError},
		{"bad gateway page", "/v2/apps", fakeapi.Fault{Status: 502, Body: "<html><body>Bad Gateway</body></html>"}, ReasonServerError},
		{"HTML with 200", "/v2/droplets", fakeapi.Fault{Body: "<html>maintenance</html>"}, ReasonDecode},
		{"truncated JSON", "/v2/databases", fakeapi.Fault{Body: `{"databases":[{"id":"9cc1`}, ReasonDecode},
		{"list key missing", "/v2/droplets", fakeapi.Fault{Body: `{"meta":{"total":1}}`}, ReasonDecode},
		{"fewer objects than meta says", "/v2/apps", fakeapi.Fault{Body: `{"apps":[],"links":{},"meta":{"total":3}}`}, ReasonDecode},
		{"empty body", "/v2/apps", fakeapi.Fault{Body: " "}, ReasonDecode},
		{"an empty object from a proxy", "/v2/droplets", fakeapi.Fault{Body: "{}"}, ReasonDecode},
		{"a database answer without databases", "/v2/databases", fakeapi.Fault{Body: `{"rules":[]}`}, ReasonDecode},
		{"an account answer without the account", "/v2/account", fakeapi.Fault{Body: `{}`}, ReasonDecode},
		{"hung request", "/v2/kubernetes/clusters", fakeapi.Fault{Hang: true}, ReasonTimeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := newTestAPI(t, fakeapi.Examples())
			good := api.refresh(t)
			api.SetFault(tc.route, tc.fault)
			failed := api.refresh(t)

			kind := kindOfRoute(tc.route)
			status := failed.Status[kind]
			if status.Succeeded() || status.Reason != tc.reason || status.Errors[tc.reason] != 1 {
				t.Errorf("%s status: %+v, want reason %s counted once", kind, status, tc.reason)
			}
			if status.LastSuccess != good.Status[kind].LastSuccess {
				t.Errorf("last success moved on a failure")
			}
			if !sameLists(good, failed) {
				t.Errorf("a failed refresh changed the lists")
			}
			for other, st := range failed.Status {
				if other != kind && !st.Succeeded() {
					t.Errorf("%s failed too: %+v", other, st)
				}
			}
			if kind != KindAccount && !failed.Up() {
				t.Error("one failing kind took the account down")
			}
		})
	}
}

func TestRejectedTokenMarksAccountDown(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.refresh(t)
	api.SetToken("dop_v1_another_token")
	s := api.refresh(t)
	if s.Up() {
		t.Error("up with a rejected token")
	}
	for kind, st := range s.Status {
		// The examples' Droplets have no agent, and were asked once: the
		// second round has nothing to read, so nothing to fail.
		if st.Reason != ReasonUnauthorized && kind != KindDropletMetrics {
			t.Errorf("%s: reason %q, want unauthorized", kind, st.Reason)
		}
	}
	if len(Droplets.Of(s)) == 0 {
		t.Error("the last good droplets were dropped")
	}
	api.refresh(t)
	api.SetToken(testToken)
	api.refresh(t)
	api.refresh(t)
	logs := api.logs.String()
	for line, want := range map[string]int{
		"rejected the token":              1, // once for the account, not once per kind nor per refresh
		"the API accepts the token again": 1,
		`msg="refresh recovered"`:         0, // the kinds failed for the token alone
	} {
		if n := countLines(logs, line); n != want {
			t.Errorf("%q logged %d times, want %d:\n%s", line, n, want, logs)
		}
	}
}

func TestFailureLogsOnceAndRecoveryOnce(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/databases", fakeapi.Fault{Status: 500})
	for range 3 {
		api.refresh(t)
	}
	api.ClearFaults()
	api.refresh(t)
	api.refresh(t)
	logs := api.logs.String()
	for _, resource := range []string{KindDatabases, KindDatabaseTrustedSources} {
		failures := countLines(logs, "resource="+resource+" ", `msg="refresh failed; keeping the last good data"`)
		recoveries := countLines(logs, "resource="+resource+" ", `msg="refresh recovered"`)
		if failures != 1 || recoveries != 1 {
			t.Errorf("%s: failure logged %d times at warn, recovery %d times; want once each:\n%s", resource, failures, recoveries, logs)
		}
	}
}

func TestChangesShowAfterNextRefresh(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	before := api.refresh(t)
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Droplets] = a.Lists[fakeapi.Droplets][1:]
		a.Lists[fakeapi.Databases][0]["status"] = "resizing"
	})
	after := api.refresh(t)
	if len(Droplets.Of(after)) != len(Droplets.Of(before))-1 {
		t.Errorf("deleted droplet still listed: %d before, %d after", len(Droplets.Of(before)), len(Droplets.Of(after)))
	}
	if Databases.Of(after)[0].Status != "resizing" {
		t.Errorf("database status %q, want resizing", Databases.Of(after)[0].Status)
	}
	if len(Droplets.Of(before)) != 4 || Databases.Of(before)[0].Status != "online" {
		t.Error("the earlier snapshot changed after it was published")
	}
}

func TestAPIStatsCountRoutesAndRateLimit(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault("/v2/apps", fakeapi.Fault{Status: 500, Times: 1})
	s := api.refresh(t)
	if got := s.API.Requests[RequestKey{"/v2/droplets", "200"}]; got != 2 {
		t.Errorf("/v2/droplets 200: %d, want 2 (plain and GPU)", got)
	}
	if got := s.API.Requests[RequestKey{"/v2/apps", "500"}]; got != 1 {
		t.Errorf("/v2/apps 500: %d, want 1", got)
	}
	if rate := s.API.RateLimit; !rate.Seen || rate.Limit != 5000 || rate.Remaining >= 5000 || rate.Reset.Before(time.Now()) {
		t.Errorf("rate limit: %+v", rate)
	}
}

func TestReadersSeeWholeSnapshotsWhileRefreshing(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.refresh(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		for ctx.Err() == nil {
			api.refresher.Refresh(ctx)
		}
	})
	for range 200 {
		s := api.refresher.Snapshot()
		if len(Droplets.Of(s)) != 4 || len(s.Status) != len(kinds) {
			t.Fatalf("torn snapshot: %d droplets, %d statuses", len(Droplets.Of(s)), len(s.Status))
		}
	}
	cancel()
	wg.Wait()
}

// countLines counts the lines that hold every one of parts.
func countLines(text string, parts ...string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if !slices.ContainsFunc(parts, func(p string) bool { return !strings.Contains(line, p) }) {
			n++
		}
	}
	return n
}

func kindOfRoute(route string) string {
	for kind, prefix := range map[string]string{
		KindDroplets: "/v2/droplets", KindKubernetes: "/v2/kubernetes", KindDatabases: "/v2/databases", KindApps: "/v2/apps",
	} {
		if strings.HasPrefix(route, prefix) {
			return kind
		}
	}
	return KindAccount
}

func resourceOf(kind string) *Kind {
	if k := KindNamed(kind); k != nil {
		return k
	}
	panic("unknown kind " + kind)
}

func sameLists(a, b *Snapshot) bool {
	return len(Droplets.Of(a)) == len(Droplets.Of(b)) && len(Clusters.Of(a)) == len(Clusters.Of(b)) &&
		len(Databases.Of(a)) == len(Databases.Of(b)) && len(Apps.Of(a)) == len(Apps.Of(b)) && *a.Info() == *b.Info()
}

// TestARepeatedIDIsKeptOnceAndLoggedOnce: an answer that lists a Droplet
// twice publishes it once, and says so once, however often it repeats.
func TestARepeatedIDIsKeptOnceAndLoggedOnce(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Droplets] = append(a.Lists[fakeapi.Droplets], a.Lists[fakeapi.Droplets][0])
		a.Lists[fakeapi.Firewalls] = append(a.Lists[fakeapi.Firewalls], a.Lists[fakeapi.Firewalls][0])
	})
	api.refresh(t)
	s := api.refresh(t)
	if n := len(Droplets.Of(s)); n != 4 {
		t.Errorf("%d droplets, want the example's 4", n)
	}
	if n := len(Firewalls.Of(s)); n != 1 {
		t.Errorf("%d firewalls, want the example's 1", n)
	}
	logs := api.logs.String()
	for _, kind := range []string{KindDroplets, KindFirewalls} {
		if n := countLines(logs, "resource="+kind+" ", "listed an ID more than once"); n != 1 {
			t.Errorf("%s: the repeat logged %d times over two refreshes, want once:\n%s", kind, n, logs)
		}
	}
}

// TestUnknownStatesAreKept: a state the API did not have when this was
// written is kept as it is, and fails nothing.
func TestUnknownStatesAreKept(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.Update(func(a *fakeapi.Account) {
		a.Lists[fakeapi.Clusters][0]["status"] = map[string]any{"state": "hibernating"}
		a.Lists[fakeapi.Droplets][0]["status"] = "rebuilding"
		a.Lists[fakeapi.Databases][0]["status"] = "migrating"
		a.Lists[fakeapi.Certificates][0]["state"] = "renewing"
	})
	s := api.refresh(t)
	for kind, status := range s.Status {
		if !status.Succeeded() {
			t.Errorf("%s failed: %s", kind, status.Reason)
		}
	}
	if got := Clusters.Of(s)[0].Status; got != "hibernating" {
		t.Errorf("cluster state %q", got)
	}
	if got := Databases.Of(s)[0].Status; got != "migrating" {
		t.Errorf("database status %q", got)
	}
	states := map[string]bool{}
	for _, d := range Droplets.Of(s) {
		states[d.Status] = true
	}
	for _, c := range Certificates.Of(s) {
		states[c.State] = true
	}
	if !states["rebuilding"] || !states["renewing"] {
		t.Errorf("states %v lack the new ones", states)
	}
}
