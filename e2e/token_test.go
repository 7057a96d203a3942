package e2e

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// leakyToken is distinctive enough that finding it anywhere is a leak.
const leakyToken = testtool.LeakyToken

// TestTokenNeverLeaks runs the exporter with a distinctive token, lets the
// API reject it, and looks for it in everything the exporter wrote or served.
func TestTokenNeverLeaks(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte(leakyToken+"\n"), 0o600)

	// No request budget: it would stretch every list's interval to about 30s.
	e := startExporter(t, nil, "--digitalocean.token-file="+tokenFile, "--digitalocean.api-url="+api.URL,
		"--refresh.interval=1s", "--log.level=debug", "--digitalocean.rate-limit-budget=0")
	e.waitFor(t, "/-/ready", http.StatusOK)
	api.SetToken("dop_v1_rotated_elsewhere")
	e.waitForMetric(t, `digitalocean_up{account="default"} 0`)
	e.waitForLog(t, "rejected the token")
	api.SetFault("*", fakeapi.Fault{Status: 500, Body: "<html>echo: Authorization: Bearer " + leakyToken + "</html>"})
	e.waitForLog(t, "server_error")

	served := ""
	for _, path := range []string{"/", "/metrics", "/-/ready", "/-/healthy", "/no-such-page"} {
		_, body := e.get(t, path)
		served += body
	}
	for where, text := range map[string]string{"log": e.logs.String(), "pages": served} {
		if strings.Contains(text, leakyToken) {
			t.Errorf("the token appears in the %s", where)
		}
	}
}

// TestScrapeNeverWaitsForTheAPI hangs every API request: /metrics still
// answers at once with the health metrics, and /-/ready waits for the
// first refresh to end. The requests hang until the test ends them, not
// until a deadline, so what the test sees does not depend on its speed.
func TestScrapeNeverWaitsForTheAPI(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
	api.SetFault("*", fakeapi.Fault{Hang: true})
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken},
		"--digitalocean.api-url="+api.URL, "--digitalocean.timeout=10m", "--refresh.interval=1h")
	testtool.Eventually(t, "a request to the API", func() bool { return len(api.Requests()) > 0 })

	if code, _ := e.get(t, "/-/ready"); code != http.StatusServiceUnavailable {
		t.Errorf("/-/ready answered %d while the first refresh hangs, want 503", code)
	}
	if code, body := e.get(t, "/metrics"); code != http.StatusOK || !strings.Contains(body, "digitalocean_refresh_errors_total") {
		t.Errorf("/metrics answered %d during a hung refresh:\n%s", code, body)
	}
	api.Close() // the hung requests end without an answer, and later ones find no server
	e.waitFor(t, "/-/ready", http.StatusOK)
	_, body := e.get(t, "/metrics")
	for _, want := range []string{
		`digitalocean_refresh_success{account="default",resource="droplets"} 0`,
		`digitalocean_refresh_errors_total{account="default",reason="network",resource="droplets"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("after the hung refresh failed, /metrics lacks %s", want)
		}
	}
	if strings.Contains(body, "digitalocean_droplets{") {
		t.Error("droplet counts shown although droplets were never listed")
	}
}

// TestRotatedTokenFileIsUsedWithoutRestart replaces the token file on disk
// while the exporter runs: the next requests use the new token, nothing
// known is lost, and neither token is ever written out.
func TestRotatedTokenFileIsUsedWithoutRestart(t *testing.T) {
	t.Parallel()
	const rotated = "dop_v1_ROTATED_CANARY_0f9e8d7c6b5a49382716"
	api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	written := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	replace := func(content string, mode os.FileMode) {
		aside := filepath.Join(dir, "token.new")
		os.WriteFile(aside, []byte(content), mode)
		written = written.Add(24 * time.Hour)
		if err := errors.Join(os.Chmod(aside, mode), os.Chtimes(aside, written, written), os.Rename(aside, tokenFile)); err != nil {
			t.Fatal(err)
		}
	}
	replace(leakyToken+"\n", 0o644) // every user may read it: a warning, once
	e := startExporter(t, nil, "--digitalocean.token-file="+tokenFile, "--digitalocean.api-url="+api.URL,
		"--refresh.interval=1s", "--refresh.detail-interval=1s", "--digitalocean.rate-limit-budget=0")
	e.waitFor(t, "/-/ready", http.StatusOK)
	e.waitForMetric(t, `digitalocean_token_loaded_timestamp_seconds{account="default",source="file"} 1.735873445e+09`)
	e.waitForLog(t, `level=warn`)
	if n := strings.Count(e.logs.String(), "every user of this machine may read the token file"); n != 1 {
		t.Errorf("the readable token file was warned of %d times, want once:\n%s", n, e.logs)
	}

	replace("", 0o600)
	e.waitForLog(t, "keeping the previous token")
	api.SetToken(rotated)
	replace(rotated+"\n", 0o600)
	e.waitForLog(t, "using the new token")
	e.waitForMetric(t, `digitalocean_up{account="default"} 1`)
	// Written two days after the first: the empty file between them brought no token.
	e.waitForMetric(t, `digitalocean_token_loaded_timestamp_seconds{account="default",source="file"} 1.736046245e+09`)
	api.ResetCounts()
	testtool.Eventually(t, "a droplet list after the rotation", func() bool { return api.Count("GET", "/v2/droplets") > 0 })
	for _, req := range api.Requests() {
		if req.Status == http.StatusUnauthorized {
			t.Errorf("%s answered 401 after the rotation", req.Path)
		}
	}
	_, metrics := e.get(t, "/metrics")
	if !strings.Contains(metrics, `digitalocean_droplet_info{account="default",id="3164444"`) {
		t.Error("droplets were lost across the rotation")
	}
	for _, token := range []string{leakyToken, rotated} {
		if strings.Contains(e.logs.String()+metrics, token) {
			t.Errorf("a token appears in the log or metrics")
		}
	}
	if n := strings.Count(e.logs.String(), "may read the token file"); n != 1 {
		t.Errorf("warned %d times of a readable token file, want once: the rotated file is private", n)
	}
}

// TestTokenFromSystemdCredentials: under a unit with
// LoadCredential=digitalocean-token:FILE, systemd sets CREDENTIALS_DIRECTORY
// and the exporter reads the token from there, as a token file.
func TestTokenFromSystemdCredentials(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, leakyToken, fakeapi.Examples())
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "digitalocean-token"), []byte(leakyToken+"\n"), 0o400); err != nil {
		t.Fatal(err)
	}
	e := startExporter(t, map[string]string{"CREDENTIALS_DIRECTORY": dir}, "--digitalocean.api-url="+api.URL)
	e.waitFor(t, "/-/ready", http.StatusOK)
	e.waitForMetric(t, `digitalocean_up{account="default"} 1`)
	e.waitForMetricMatch(t, `digitalocean_token_loaded_timestamp_seconds\{account="default",source="file"\} [0-9.e+]+`)
	if strings.Contains(e.logs.String(), leakyToken) {
		t.Error("the log holds the token")
	}
}
