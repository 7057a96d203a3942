package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

// leakyToken is distinctive enough that finding it anywhere is a leak.
const leakyToken = "dop_v1_LEAK_CANARY_5f1d2c3b4a5968778695a4b3c2d1e0f9"

func runToExit(t *testing.T, env map[string]string, args ...string) (int, string) {
	t.Helper()
	logs := &testlog.Buffer{}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code := run(ctx, append([]string{"--web.listen-address=" + freeAddress(t)}, args...), logs,
		func(k string) string { return env[k] })
	return code, logs.String()
}

func TestStartWithoutTokenFails(t *testing.T) {
	code, logs := runToExit(t, nil)
	if code != 1 || !strings.Contains(logs, "DIGITALOCEAN_TOKEN") || !strings.Contains(logs, "--digitalocean.token-file") {
		t.Errorf("exit %d, log:\n%s\nwant exit 1 naming both ways to give a token", code, logs)
	}
}

func TestStartWithBadTokenFileFails(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty-token")
	os.WriteFile(empty, []byte("\n"), 0o600)
	for name, path := range map[string]string{"missing": filepath.Join(dir, "no-such-token"), "empty": empty} {
		t.Run(name, func(t *testing.T) {
			code, logs := runToExit(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken}, "--digitalocean.token-file="+path)
			if code != 1 || !strings.Contains(logs, path) {
				t.Errorf("exit %d, log:\n%s\nwant exit 1 naming %s", code, logs, path)
			}
		})
	}
}

func TestBadFlagsFail(t *testing.T) {
	for _, args := range [][]string{{"--refresh.interval=soon"}, {"--digitalocean.api-url=not a url"}, {"--log.level=loud"},
		{"--demo", "--digitalocean.rate-limit-budget=2"}} {
		if code, logs := runToExit(t, nil, args...); code != 1 {
			t.Errorf("%v: exit %d, want 1; log:\n%s", args, code, logs)
		}
	}
}

// TestTokenNeverLeaks runs the exporter with a distinctive token, lets the
// API reject it, and looks for it in everything the exporter wrote or served.
func TestTokenNeverLeaks(t *testing.T) {
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte(leakyToken+"\n"), 0o600)

	e := startExporter(t, nil, "--digitalocean.token-file="+tokenFile, "--digitalocean.api-url="+api.URL,
		"--refresh.interval=1s", "--log.level=debug")
	e.waitFor(t, "/-/ready", http.StatusOK)
	api.SetToken("dop_v1_rotated_elsewhere")
	e.waitForMetric(t, `digitalocean_up{account="default"} 0`)
	waitForLog(t, e, "rejected the token")
	api.SetFault("*", fakeapi.Fault{Status: 500, Body: "<html>echo: Authorization: Bearer " + leakyToken + "</html>"})
	waitForLog(t, e, "server_error")

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

// waitForMetric polls /metrics until it holds line.
func (e *exporter) waitForMetric(t *testing.T, line string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, body := e.get(t, "/metrics")
		if strings.Contains(body, line+"\n") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics never showed %s:\n%s", line, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func waitForLog(t *testing.T, e *exporter, text string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(e.logs.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("log never said %q:\n%s", text, e.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestScrapeNeverWaitsForTheAPI hangs every API request: /metrics still
// answers at once with the health metrics, and /-/ready waits for the
// first refresh to end.
func TestScrapeNeverWaitsForTheAPI(t *testing.T) {
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	api.SetFault("*", fakeapi.Fault{Hang: true})
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken},
		"--digitalocean.api-url="+api.URL, "--digitalocean.timeout=2s", "--refresh.interval=1m")

	if code, _ := e.get(t, "/-/ready"); code != http.StatusServiceUnavailable {
		t.Errorf("/-/ready answered %d while the first refresh hangs, want 503", code)
	}
	if code, body := e.get(t, "/metrics"); code != http.StatusOK || !strings.Contains(body, "digitalocean_refresh_errors_total") {
		t.Errorf("/metrics answered %d during a hung refresh:\n%s", code, body)
	}
	e.waitFor(t, "/-/ready", http.StatusOK)
	_, body := e.get(t, "/metrics")
	for _, want := range []string{
		`digitalocean_refresh_success{account="default",resource="droplets"} 0`,
		`digitalocean_refresh_errors_total{account="default",reason="timeout",resource="droplets"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("after the hung refresh timed out, /metrics lacks %s", want)
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
	const rotated = "dop_v1_ROTATED_CANARY_0f9e8d7c6b5a49382716"
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "token")
	replace := func(content string) {
		aside := filepath.Join(dir, "token.new")
		os.WriteFile(aside, []byte(content), 0o600)
		if err := os.Rename(aside, tokenFile); err != nil {
			t.Fatal(err)
		}
	}
	replace(leakyToken + "\n")
	e := startExporter(t, nil, "--digitalocean.token-file="+tokenFile, "--digitalocean.api-url="+api.URL,
		"--refresh.interval=1s", "--refresh.detail-interval=1s")
	e.waitFor(t, "/-/ready", http.StatusOK)

	replace("")
	waitForLog(t, e, "keeping the previous token")
	api.SetToken(rotated)
	replace(rotated + "\n")
	waitForLog(t, e, "using the new token")
	e.waitForMetric(t, `digitalocean_up{account="default"} 1`)
	api.ResetCounts()
	for api.Count("GET", "/v2/droplets") == 0 {
		time.Sleep(50 * time.Millisecond)
	}
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
}
