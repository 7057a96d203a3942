package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestSeveralAccountsAndReload watches two accounts from a config file,
// then reloads a changed file through POST /-/reload and SIGHUP: the
// unchanged account keeps its refresher and cache, the removed one goes,
// the new one comes, and a broken file changes nothing.
func TestSeveralAccountsAndReload(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, "dop_v1_production", fakeapi.Examples())
	staging := fakeapi.Examples()
	staging.Lists[fakeapi.Droplets] = staging.Lists[fakeapi.Droplets][:1]
	api.AddAccount("dop_v1_staging", staging)
	api.AddAccount("dop_v1_qa", fakeapi.Examples())

	dir := t.TempDir()
	productionToken := filepath.Join(dir, "production-token")
	os.WriteFile(productionToken, []byte("dop_v1_production\n"), 0o600)
	configFile := filepath.Join(dir, "exporter.yml")
	writeConfig := func(body string) {
		if err := os.WriteFile(configFile, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	production := "accounts:\n  - name: production\n    token_file: " + productionToken + "\n"
	writeConfig(production + "  - name: staging\n    token_env: STAGING_TOKEN\n    collectors: [account, droplets]\n" +
		"  - name: revoked\n    token_env: REVOKED_TOKEN\n")

	env := map[string]string{"STAGING_TOKEN": "dop_v1_staging", "QA_TOKEN": "dop_v1_qa", "REVOKED_TOKEN": "dop_v1_revoked"}
	// An hour between refreshes: production is listed once, at start, however
	// long the test takes, so its request count shows whether a reload
	// restarted it.
	e := startExporter(t, env, "--config.file="+configFile, "--digitalocean.api-url="+api.URL, "--refresh.interval=1h")
	e.waitFor(t, "/-/ready", http.StatusOK)
	_, metrics := e.get(t, "/metrics")
	for line, want := range map[string]bool{
		`digitalocean_droplets{account="staging",region="nyc3",size="s-1vcpu-1gb",status="active"} 1`:    true,
		`digitalocean_droplets{account="production",region="nyc3",size="s-1vcpu-1gb",status="active"} 3`: true,
		`digitalocean_database_info{account="production"`:                                                true,
		`digitalocean_database_info{account="staging"`:                                                   false,
		`digitalocean_up{account="revoked"} 0`:                                                           true,
		`digitalocean_up{account="production"} 1`:                                                        true,
		`digitalocean_up{account="staging"} 1`:                                                           true,
	} {
		if strings.Contains(metrics, line) != want {
			t.Errorf("before reload: %s present = %v, want %v", line, !want, want)
		}
	}
	requestsBefore := api.Count("GET", "/v2/droplets")

	writeConfig(production + "  - name: qa\n    token_env: QA_TOKEN\n")
	if code, body := e.post(t, "/-/reload"); code != http.StatusOK {
		t.Fatalf("reload: %d %s", code, body)
	}
	e.waitFor(t, "/-/ready", http.StatusOK)
	e.waitForMetric(t, `digitalocean_refresh_success{account="qa",resource="droplets"} 1`)
	_, metrics = e.get(t, "/metrics")
	if strings.Contains(metrics, `account="staging"`) {
		t.Error("the removed account is still exposed")
	}
	// production was not refreshed again: its refresher and cache were kept.
	if got := api.Count("GET", "/v2/droplets"); got != requestsBefore+2 {
		t.Errorf("droplet requests after reload: %d, want %d (qa's two lists only)", got, requestsBefore+2)
	}

	writeConfig("accounts:\n  - name: production\n    tokens: dop_v1_pasted_by_mistake\n")
	code, body := e.post(t, "/-/reload")
	want := `config file "` + configFile + `": accounts[0] ("production"): unknown field "tokens" (line 3)`
	if code != http.StatusInternalServerError || !strings.Contains(body, want) || strings.Contains(body, "dop_v1_pasted") {
		t.Errorf("broken reload: %d %q, want 500 with %q", code, body, want)
	}
	if _, metrics := e.get(t, "/metrics"); !strings.Contains(metrics, `account="qa"`) {
		t.Error("a broken reload dropped the running accounts")
	}

	writeConfig(production)
	e.signal(t, syscall.SIGHUP)
	e.waitForLog(t, `msg="configuration reloaded" accounts=1`)
	if _, metrics := e.get(t, "/metrics"); strings.Contains(metrics, `account="qa"`) {
		t.Error("SIGHUP did not reload")
	}
	for _, token := range []string{"dop_v1_production", "dop_v1_staging", "dop_v1_qa", "dop_v1_pasted"} {
		if strings.Contains(e.logs.String(), token) {
			t.Errorf("a token appears in the log")
		}
	}
}

// TestReloadWithoutConfigFile: with nothing to reload, SIGHUP and POST
// /-/reload say so, in the log and in a 4xx answer.
func TestReloadWithoutConfigFile(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, "--demo")
	if code, body := e.post(t, "/-/reload"); code != http.StatusConflict || !strings.Contains(body, "--config.file") {
		t.Errorf("POST /-/reload: %d %q, want 409 saying there is no --config.file", code, body)
	}
	e.waitForLogCount(t, "nothing to reload: the exporter was started without --config.file", 1)
	e.signal(t, syscall.SIGHUP)
	e.waitForLogCount(t, "nothing to reload: the exporter was started without --config.file", 2)
	if !regexp.MustCompile(`level=warn [^\n]*msg="nothing to reload`).MatchString(e.logs.String()) {
		t.Error("not logged as a warning")
	}
}
