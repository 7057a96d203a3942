package main

import (
	"context"
	"errors"
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

// TestAPIURLMustBeSafe: a URL that would send the token in clear, or lose
// part of its path, stops the start, before any request, with the way out.
// None of these hosts is ever dialled: the start stops first.
func TestAPIURLMustBeSafe(t *testing.T) {
	env := map[string]string{"DIGITALOCEAN_TOKEN": leakyToken}
	for _, tc := range []struct{ url, want string }{
		{"http://api.example.test", "is plain HTTP, which would send the token in clear; use https://, or pass --digitalocean.allow-insecure-api-url"},
		{"https://proxy.example.test/do/", "has a path; give the bare scheme://host[:port]"},
		{"https://ops:hunter2@proxy.example.test", "holds a user or password"},
	} {
		code, logs := runToExit(t, env, "--digitalocean.api-url="+tc.url)
		if code != 1 || !strings.Contains(logs, tc.want) || strings.Contains(logs, "hunter2") {
			t.Errorf("%s: exit %d, log:\n%s\nwant exit 1 and %q", tc.url, code, logs, tc.want)
		}
		if strings.Contains(logs, "started the account's refresher") {
			t.Errorf("%s: a refresher started", tc.url)
		}
	}
}

// TestFlagErrorsHideTokens pastes the token where flags do not take it:
// the error says what is wrong without showing it.
func TestFlagErrorsHideTokens(t *testing.T) {
	for _, args := range [][]string{
		{leakyToken},
		{"--refresh.interval=" + leakyToken},
		{"--digitalocean.token-file=" + leakyToken},
		{"--digitalocean.api-url=" + leakyToken},
		{"--config.file=/etc/" + leakyToken},
		{"--digitalocean.token=" + leakyToken},
	} {
		code, logs := runToExit(t, nil, args...)
		if code != 1 || !strings.Contains(logs, "<redacted>") && !strings.Contains(logs, "unknown long flag") {
			t.Errorf("%v: exit %d, log:\n%s\nwant exit 1 and an error that hides the token", args, code, logs)
		}
		if strings.Contains(logs, "dop_v1_") {
			t.Errorf("%v: the log shows the token:\n%s", args, logs)
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
		"--refresh.interval=1s", "--digitalocean.rate-limit-budget=0", "--log.level=debug")
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
	waitForLogCount(t, e, text, 1)
}

// waitForLogCount waits until the log has said text n times or more.
func waitForLogCount(t *testing.T, e *exporter, text string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for strings.Count(e.logs.String(), text) < n {
		if time.Now().After(deadline) {
			t.Fatalf("log never said %q %d times:\n%s", text, n, e.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestScrapeNeverWaitsForTheAPI hangs every API request: /metrics still
// answers at once with the health metrics, and /-/ready waits for the
// first refresh to end. The requests hang until the test ends them, not
// until a deadline, so what the test sees does not depend on its speed.
func TestScrapeNeverWaitsForTheAPI(t *testing.T) {
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	api.SetFault("*", fakeapi.Fault{Hang: true})
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": leakyToken},
		"--digitalocean.api-url="+api.URL, "--digitalocean.timeout=10m", "--refresh.interval=1h")
	eventually(t, "a request to the API", func() bool { return len(api.Requests()) > 0 })

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
	const rotated = "dop_v1_ROTATED_CANARY_0f9e8d7c6b5a49382716"
	api, err := fakeapi.NewServer(leakyToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
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
	waitForLog(t, e, `level=warn`)
	if n := strings.Count(e.logs.String(), "every user of this machine may read the token file"); n != 1 {
		t.Errorf("the readable token file was warned of %d times, want once:\n%s", n, e.logs)
	}

	replace("", 0o600)
	waitForLog(t, e, "keeping the previous token")
	api.SetToken(rotated)
	replace(rotated+"\n", 0o600)
	waitForLog(t, e, "using the new token")
	e.waitForMetric(t, `digitalocean_up{account="default"} 1`)
	// Written two days after the first: the empty file between them brought no token.
	e.waitForMetric(t, `digitalocean_token_loaded_timestamp_seconds{account="default",source="file"} 1.736046245e+09`)
	api.ResetCounts()
	eventually(t, "a droplet list after the rotation", func() bool { return api.Count("GET", "/v2/droplets") > 0 })
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
