package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestFaultsAsSeenInMetrics breaks one API route after a good first
// refresh and checks what a user sees: /-/ready stays 200, the broken kind
// says why it fails and keeps its last good series, the others carry on.
func TestFaultsAsSeenInMetrics(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		route    string
		fault    fakeapi.Fault
		resource string
		reason   string
		kept     string // a series of the broken kind that must survive
		// accountWide faults stop every kind: a 429 pauses the account.
		accountWide bool
	}{
		{"403 on databases only", "/v2/databases", fakeapi.Fault{Status: 403}, "databases", "forbidden",
			`digitalocean_database_info{account="default",engine="pg"`, false},
		{"429 with retry-after", "/v2/droplets", fakeapi.Fault{Status: 429, RetryAfter: 1}, "droplets", "rate_limited",
			`digitalocean_droplet_info{account="default",id="3164444"`, true},
		{"500", "/v2/kubernetes/clusters", fakeapi.Fault{Status: 500}, "kubernetes", "server_error",
			`digitalocean_kubernetes_cluster_info{account="default"`, false},
		{"HTML error page", "/v2/apps", fakeapi.Fault{Status: 503, Body: "<html><h1>503 Service Unavailable</h1></html>"}, "apps", "server_error",
			`digitalocean_app_info{account="default"`, false},
		{"malformed body", "/v2/droplets", fakeapi.Fault{Body: `{"droplets":[{"id":31644`}, "droplets", "decode",
			`digitalocean_droplets{account="default"`, false},
		{"hung request", "/v2/databases", fakeapi.Fault{Hang: true}, "databases", "timeout",
			`digitalocean_databases{account="default"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) { // one after another: each exporter lists twenty-odd kinds a second
			api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
			// No request budget: it would stretch the interval of each of the
			// twenty-odd lists, refreshed every second, to about 30s. A hung
			// request fails after 5s, which leaves the others, answered at
			// once, time to spare on a loaded machine.
			e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken},
				"--digitalocean.api-url="+api.URL, "--refresh.interval=1s", "--digitalocean.timeout=5s",
				"--digitalocean.rate-limit-budget=0")
			e.waitFor(t, "/-/ready", http.StatusOK)
			api.SetFault(tc.route, tc.fault)

			e.waitForMetric(t, `digitalocean_refresh_success{account="default",resource="`+tc.resource+`"} 0`)
			_, body := e.get(t, "/metrics")
			for _, want := range []string{
				`digitalocean_refresh_errors_total{account="default",reason="` + tc.reason + `",resource="` + tc.resource + `"} `,
				tc.kept,
			} {
				if !strings.Contains(body, want) {
					t.Errorf("/metrics lacks %s", want)
				}
			}
			if n := failingKinds(body); n != 1 && !tc.accountWide {
				t.Errorf("%d kinds failing, want only %s", n, tc.resource)
			}
			if !tc.accountWide && !strings.Contains(body, `digitalocean_up{account="default"} 1`) {
				t.Errorf("one failing kind took the account down")
			}
			if strings.Contains(body, `reason="`+tc.reason+`",resource="`+tc.resource+`"} 0`) {
				t.Errorf("the failure was not counted")
			}
			if code, _ := e.get(t, "/-/ready"); code != http.StatusOK {
				t.Errorf("/-/ready answered %d after a later failure, want 200", code)
			}
		})
	}
}

func failingKinds(metrics string) int {
	n := 0
	for _, line := range strings.Split(metrics, "\n") {
		if strings.HasPrefix(line, "digitalocean_refresh_success{") && strings.HasSuffix(line, "} 0") {
			n++
		}
	}
	return n
}
