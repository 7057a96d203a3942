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

type testAPI struct {
	*fakeapi.Server
	refresher *Refresher
	logs      *testlog.Buffer
}

// newTestAPI serves acct from the fake API and points a refresher of every
// kind at it through the real client.
func newTestAPI(t testing.TB, acct fakeapi.Account) *testAPI {
	t.Helper()
	api, err := fakeapi.NewServer(testToken, acct)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	logs := &testlog.Buffer{}
	r, err := NewRefresher(Options{
		Account:  "default",
		Client:   ClientOptions{BaseURL: api.URL, Token: func() string { return testToken }, Timeout: 500 * time.Millisecond},
		Kinds:    Kinds(),
		Interval: time.Minute,
		Logger:   log.NewLogfmtLogger(logs),
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
		if st.Reason != ReasonUnauthorized {
			t.Errorf("%s: reason %q, want unauthorized", kind, st.Reason)
		}
	}
	if len(Droplets.Of(s)) == 0 {
		t.Error("the last good droplets were dropped")
	}
	if !strings.Contains(api.logs.String(), "rejected the token") {
		t.Errorf("log does not say the token was rejected:\n%s", api.logs)
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
