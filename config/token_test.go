package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const distinctiveToken = "dop_v1_config_test_0123456789abcdef"

func noEnv(string) string { return "" }

func TestLoadTokenFromFileTrimsWhitespace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(path, []byte("  "+distinctiveToken+"\n\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := LoadToken(Account{Name: "default", TokenFile: path, TokenEnv: TokenEnvironmentVariable}, noEnv)
	if err != nil || got.Reveal() != distinctiveToken {
		t.Fatalf("got %q, %v", got.Reveal(), err)
	}
}

func TestLoadTokenFromEnvironment(t *testing.T) {
	env := func(name string) string {
		if name == TokenEnvironmentVariable {
			return distinctiveToken + "\n"
		}
		return ""
	}
	got, err := LoadToken(Account{Name: "default", TokenEnv: TokenEnvironmentVariable}, env)
	if err != nil || got.Reveal() != distinctiveToken {
		t.Fatalf("got %q, %v", got.Reveal(), err)
	}
}

func TestLoadTokenErrorsNameTheSourceNotTheContent(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte(" \n"), 0o600)
	// Root reads files whatever their mode, so unreadable means a path
	// that cannot be opened at all.
	unreadable := filepath.Join(empty, "token")
	large := filepath.Join(dir, "large")
	os.WriteFile(large, []byte(distinctiveToken+strings.Repeat(" ", 4096)), 0o600)
	for _, tc := range []struct {
		name    string
		account Account
		want    string
	}{
		{"no token at all", Account{TokenEnv: TokenEnvironmentVariable}, "--digitalocean.token-file"},
		{"missing file", Account{TokenFile: filepath.Join(dir, "missing")}, "missing\": no such file"},
		{"empty file", Account{TokenFile: empty}, "is empty"},
		{"a directory", Account{TokenFile: dir}, "is a directory, not a regular file"},
		{"a device", Account{TokenFile: os.DevNull}, `token file "/dev/null" is a device, not a regular file`},
		{"a FIFO", Account{TokenFile: fifo(t, dir)}, "is a named pipe (FIFO), not a regular file"},
		{"too large", Account{TokenFile: large}, "is larger than 4096 bytes"},
		{"unreadable path", Account{TokenFile: unreadable}, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadToken(tc.account, noEnv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), distinctiveToken) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
	_, err := LoadToken(Account{TokenEnv: TokenEnvironmentVariable}, noEnv)
	if !errors.Is(err, ErrNoToken) || !strings.Contains(err.Error(), TokenEnvironmentVariable) {
		t.Errorf("no token: %v", err)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := Secret(distinctiveToken)
	for _, text := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q", s, s, s, s, s),
		fmt.Sprintf("%+v", struct{ T Secret }{s})} {
		if strings.Contains(text, distinctiveToken) {
			t.Errorf("formatted secret shows the token: %s", text)
		}
	}
}

// fifo makes a named pipe that nothing writes to: opening it for reading
// in the usual way would wait forever.
func fifo(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTokenErrorsHideATokenGivenAsAPath(t *testing.T) {
	for _, a := range []Account{
		{Name: "default", TokenFile: "/etc/" + distinctiveToken},
		{Name: "staging", TokenEnv: distinctiveToken},
		{Name: "staging", TokenEnv: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},
	} {
		_, err := LoadToken(a, noEnv)
		if err == nil || !strings.Contains(err.Error(), "<redacted>") {
			t.Errorf("%+v: error %v, want one that hides the value", a, err)
		}
		if err != nil && (strings.Contains(err.Error(), "dop_v1_") || strings.Contains(err.Error(), "0123456789abcdef0123")) {
			t.Errorf("error shows a token: %v", err)
		}
	}
}

func TestValidateNamesTheField(t *testing.T) {
	good := Config{APIURL: "https://api.example.test", RequestTimeout: 1, RefreshInterval: 60e9, DetailInterval: 900e9,
		Monitoring: Monitoring{Interval: 5 * time.Minute, MaxInterval: time.Hour}, Accounts: []Account{{Name: "default"}}}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid config rejected: %v", err)
	}
	for field, mutate := range map[string]func(*Config){
		"digitalocean.api-url":    func(c *Config) { c.APIURL = "ftp://x" },
		"digitalocean.timeout":    func(c *Config) { c.RequestTimeout = 0 },
		"refresh.interval":        func(c *Config) { c.RefreshInterval = 1 },
		"monitoring.interval":     func(c *Config) { c.Monitoring.Interval = time.Minute },
		"monitoring.max-interval": func(c *Config) { c.Monitoring.MaxInterval = 4 * time.Minute },
		"name used twice":         func(c *Config) { c.Accounts = append(c.Accounts, c.Accounts[0]) },
		"name must not be empty":  func(c *Config) { c.Accounts[0].Name = "" },
	} {
		c := good
		c.Accounts = append([]Account(nil), good.Accounts...)
		mutate(&c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

// TestAPIURLRules checks each rule on the API URL without dialling anything.
func TestAPIURLRules(t *testing.T) {
	base := Config{RequestTimeout: 1, RefreshInterval: 60e9, DetailInterval: 900e9,
		Monitoring: Monitoring{Interval: 5 * time.Minute, MaxInterval: time.Hour}, Accounts: []Account{{Name: "default"}}}
	for _, tc := range []struct {
		url      string
		insecure bool
		want     string // "" for accepted
	}{
		{"https://api.digitalocean.com", false, ""},
		{"https://api.digitalocean.com/", false, ""},
		{"https://proxy.example:8443", false, ""},
		{"http://127.0.0.1:8080", false, ""},
		{"http://127.1.2.3", false, ""},
		{"http://[::1]:8080", false, ""},
		{"http://localhost:8080", false, ""},
		{"http://proxy.example", true, ""},
		{"http://proxy.example", false, `"http://proxy.example" is plain HTTP, which would send the token in clear; use https://, or pass --digitalocean.allow-insecure-api-url`},
		{"http://10.0.0.1:8080", false, "--digitalocean.allow-insecure-api-url"},
		{"http://localhost.proxy.example", false, "plain HTTP"},
		{"https://proxy.example/do/", false, `"https://proxy.example/do/" has a path; give the bare scheme://host[:port]`},
		{"https://proxy.example/do", false, "has a path"},
		{"https://api.digitalocean.com/?x=1", false, "has a query"},
		{"https://user:hunter2@proxy.example", false, `"https://proxy.example" holds a user or password`},
		{"ftp://x", false, `"ftp://x" is not an http(s) URL`},
		{"not a url", false, "is not an http(s) URL"},
		{"https://" + distinctiveToken, false, "<redacted> looks like a token, not a URL"},
		{distinctiveToken, false, "<redacted> looks like a token"},
		{"https://us%er:hunter2@proxy example", false, `"https://<redacted>@proxy example" is not an http(s) URL`},
	} {
		c := base
		c.APIURL, c.AllowInsecureAPIURL = tc.url, tc.insecure
		err := c.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s (insecure allowed: %v) refused: %v", tc.url, tc.insecure, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want one containing %q", tc.url, err, tc.want)
		case err != nil && (strings.Contains(err.Error(), "hunter2") || strings.Contains(err.Error(), "dop_v1_")):
			t.Errorf("%s: the error shows a secret: %v", tc.url, err)
		case err != nil && !strings.HasPrefix(err.Error(), "digitalocean.api-url: "):
			t.Errorf("%s: the error does not name the flag: %v", tc.url, err)
		}
	}
}
