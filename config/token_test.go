package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	for _, tc := range []struct {
		name    string
		account Account
		want    string
	}{
		{"no token at all", Account{TokenEnv: TokenEnvironmentVariable}, "--digitalocean.token-file"},
		{"missing file", Account{TokenFile: filepath.Join(dir, "missing")}, "missing\": no such file"},
		{"empty file", Account{TokenFile: empty}, "is empty"},
		{"a directory", Account{TokenFile: dir}, "is a directory"},
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

func TestValidateNamesTheField(t *testing.T) {
	good := Config{APIURL: "https://api.example.test", RequestTimeout: 1, RefreshInterval: 60e9, DetailInterval: 900e9,
		Accounts: []Account{{Name: "default"}}}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid config rejected: %v", err)
	}
	for field, mutate := range map[string]func(*Config){
		"digitalocean.api-url":   func(c *Config) { c.APIURL = "ftp://x" },
		"digitalocean.timeout":   func(c *Config) { c.RequestTimeout = 0 },
		"refresh.interval":       func(c *Config) { c.RefreshInterval = 1 },
		"name used twice":        func(c *Config) { c.Accounts = append(c.Accounts, c.Accounts[0]) },
		"name must not be empty": func(c *Config) { c.Accounts[0].Name = "" },
	} {
		c := good
		c.Accounts = append([]Account(nil), good.Accounts...)
		mutate(&c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: got %v", field, err)
		}
	}
}
