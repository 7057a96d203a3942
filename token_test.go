package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// leakyToken is distinctive enough that finding it anywhere is a leak.
const leakyToken = testtool.LeakyToken

// runToExit runs the program in-process with args and the environment env,
// for a start that must fail: it returns the exit code and what was logged.
func runToExit(t *testing.T, env map[string]string, args ...string) (int, string) {
	t.Helper()
	logs := &testlog.Buffer{}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	code := run(ctx, append([]string{"--web.listen-address=" + testtool.FreeAddress(t)}, args...), logs,
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
		{"--demo", "--digitalocean.rate-limit-budget=2"}, {"--demo", "--cost.snapshot-age=0"},
		{"--demo", "--cost.snapshot-age=3 months"}} {
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

// TestACredentialDoesNotStandForAConfigFilesToken: systemd's credential
// stands for --digitalocean.token-file only; an account of a config file,
// even one named default, keeps the token its entry names.
func TestACredentialDoesNotStandForAConfigFilesToken(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "digitalocean-token"), []byte(leakyToken+"\n"), 0o600)
	configFile := filepath.Join(dir, "accounts.yml")
	os.WriteFile(configFile, []byte("accounts:\n  - name: default\n    token_env: DEFAULT_TOKEN\n"), 0o600)
	code, logs := runToExit(t, map[string]string{"CREDENTIALS_DIRECTORY": dir}, "--config.file="+configFile)
	if code != 1 || !strings.Contains(logs, "DEFAULT_TOKEN") {
		t.Errorf("exit %d, log:\n%s\nwant exit 1 naming the unset DEFAULT_TOKEN", code, logs)
	}
}
