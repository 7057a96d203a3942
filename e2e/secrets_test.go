package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// secretBearing are the kinds whose objects the API sends with a secret,
// the route that sends it, the secret the demo puts there, and an answer
// that holds the secret but does not decode, so that the refresh fails and
// logs its error.
var secretBearing = []struct {
	kind, route, secret, broken string
}{
	{"alertpolicies", "/v2/monitoring/alerts", fakeapi.DemoSlackWebhook,
		`{"policies":[{"uuid":"p","enabled":"x","alerts":{"slack":[{"url":"` + fakeapi.DemoSlackWebhook + `"}]}}],"meta":{"total":1}}`},
	{"autoscale", "/v2/droplets/autoscale", "DEMO_USER_DATA_SECRET",
		`{"autoscale_pools":[{"id":"a","active_resources_count":"x","droplet_template":{"user_data":"DEMO_USER_DATA_SECRET"}}],"meta":{"total":1}}`},
	{"genai", "/v2/gen-ai/agents", fakeapi.DemoMCPAuthorization,
		`{"agents":[{"uuid":7,"mcp_servers":[{"authorization":"` + fakeapi.DemoMCPAuthorization + `"}]}],"meta":{"total":1}}`},
	{"functions", "/v2/functions/namespaces", fakeapi.DemoFunctionsKey,
		`{"namespaces":[{"namespace":7,"key":"` + fakeapi.DemoFunctionsKey + `"}]}`},
	{"spaces_keys", "/v2/spaces/keys", "spaces-secret-key-never-shown",
		`{"keys":[{"name":7,"secret_key":"spaces-secret-key-never-shown"}],"meta":{"total":1}}`},
}

// TestSecretsNeverShow runs the exporter, debug logs and every collector
// on, against the demo account, whose secret-bearing objects carry marked
// secrets: no metric, /inventory row (JSON or CSV), page or log line holds
// one. Then each kind's answer is broken while holding its secret: the
// refresh fails, and its logged error does not quote the secret either.
func TestSecretsNeverShow(t *testing.T) {
	t.Parallel()
	const token = "dop_v1_secrets_test_token"
	api := testtool.FakeAPI(t, token, fakeapi.Demo())
	args := []string{"--digitalocean.api-url=" + api.URL, "--log.level=debug", "--refresh.interval=1s", "--refresh.detail-interval=1s",
		"--digitalocean.rate-limit-budget=0"}
	for _, name := range []string{"uptime", "nfs", "genai", "functions"} {
		args = append(args, "--collector."+name)
	}
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": token}, args...)
	e.waitFor(t, "/-/ready", http.StatusOK)
	shown := func() string {
		var all strings.Builder
		for _, path := range []string{"/metrics", "/inventory", "/inventory?format=csv", "/"} {
			all.WriteString(e.raw(t, path))
		}
		return all.String() + e.logs.String()
	}
	everything := shown()
	for _, s := range secretBearing {
		t.Run(s.kind, func(t *testing.T) {
			if !strings.Contains(everything, `resource="`+s.kind+`"`) {
				t.Fatalf("the exporter does not refresh %s", s.kind)
			}
			if strings.Contains(everything, s.secret) {
				t.Errorf("the secret of %s shows", s.kind)
			}
			api.SetFault(s.route, fakeapi.Fault{Body: s.broken})
			failed := `digitalocean_refresh_success{account="default",resource="` + s.kind + `"} 0`
			testtool.Eventually(t, s.kind+" to fail", func() bool { return strings.Contains(e.raw(t, "/metrics"), failed) })
			if !strings.Contains(e.logs.String(), "resource="+s.kind) {
				t.Errorf("no log line names %s's failure", s.kind)
			}
			if strings.Contains(shown(), s.secret) {
				t.Errorf("a failed refresh of %s shows its secret", s.kind)
			}
		})
	}
}
