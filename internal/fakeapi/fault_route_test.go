package fakeapi

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

const (
	rulesRoute    = "/v2/databases/{id}/firewall"
	upgradesRoute = "/v2/kubernetes/clusters/{id}/upgrades"
)

// TestTemplateFaultAppliesToEveryID, known or not, and only to its route.
func TestTemplateFaultAppliesToEveryID(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault(rulesRoute, Fault{Status: http.StatusServiceUnavailable})
	s.SetFault(upgradesRoute, Fault{Status: http.StatusForbidden})
	client := newGodo(t, s)
	for _, id := range []string{exampleDatabase, "no-such-database"} {
		_, _, err := client.Databases.GetFirewallRules(context.Background(), id)
		wantStatus(t, err, http.StatusServiceUnavailable)
	}
	_, resp, err := client.Kubernetes.GetUpgrades(context.Background(), exampleCluster)
	wantStatus(t, err, http.StatusForbidden)
	if resp != nil {
		t.Error("godo gave a response with its error")
	}
	for _, path := range []string{"/v2/databases", "/v2/kubernetes/clusters"} {
		if r := get(t, s, path); r.status != http.StatusOK {
			t.Errorf("%s: %d, want 200", path, r.status)
		}
	}
}

// TestExactPathFaultComesBeforeTemplateFault, and both before "*".
func TestExactPathFaultComesBeforeTemplateFault(t *testing.T) {
	s := newTestServer(t, Examples())
	exact := "/v2/databases/" + exampleDatabase + "/firewall"
	s.SetFault("*", Fault{Status: http.StatusTooManyRequests})
	s.SetFault(rulesRoute, Fault{Status: http.StatusServiceUnavailable})
	s.SetFault(exact, Fault{Status: http.StatusInternalServerError, Times: 1})
	var got []int
	for _, path := range []string{exact, "/v2/databases/other/firewall", exact, "/v2/account"} {
		got = append(got, get(t, s, path).status)
	}
	if want := []int{500, 503, 503, 429}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
}

func TestTemplateFaultTimesCountAcrossIDs(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetFault(upgradesRoute, Fault{Status: 500, Times: 2})
	var got []int
	for _, id := range []string{"a", "b", exampleCluster} {
		got = append(got, get(t, s, "/v2/kubernetes/clusters/"+id+"/upgrades").status)
	}
	if fmt.Sprint(got) != "[500 500 200]" {
		t.Errorf("statuses %v, want 500 500 200", got)
	}
}

func TestCountRouteCountsEveryID(t *testing.T) {
	s := newTestServer(t, Examples())
	exact := "/v2/databases/" + exampleDatabase + "/firewall"
	get(t, s, exact)
	get(t, s, "/v2/databases/unknown/firewall")
	do(t, s, http.MethodPost, exact, testToken)
	get(t, s, "/v2/databases")
	for _, tc := range []struct {
		method, route string
		count         func(method, route string) int
		want          int
	}{
		{"GET", rulesRoute, s.CountRoute, 2},
		{"", rulesRoute, s.CountRoute, 3},
		{"GET", exact, s.CountRoute, 1},
		{"GET", "/v2/databases", s.CountRoute, 1},
		{"GET", exact, s.Count, 1},
		{"", rulesRoute, s.Count, 0},
	} {
		if got := tc.count(tc.method, tc.route); got != tc.want {
			t.Errorf("count %q %s: %d, want %d", tc.method, tc.route, got, tc.want)
		}
	}
}
