package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var collectors = []string{"droplets", "kubernetes", "databases", "apps"}

func TestLoadAccounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "exporter.yml")
	os.WriteFile(path, []byte(`
accounts:
  - name: production
    token_file: /run/secrets/do-production
  - name: staging
    token_env: DO_STAGING_TOKEN
    collectors: [droplets, kubernetes]
    refresh_interval: 5m
    detail_interval: 1h
`), 0o600)
	got, err := LoadAccounts(path, collectors)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].TokenFile != "/run/secrets/do-production" || got[1].TokenEnv != "DO_STAGING_TOKEN" ||
		got[1].RefreshInterval != 5*time.Minute || got[1].DetailInterval != time.Hour || len(got[1].Collectors) != 2 {
		t.Errorf("accounts: %+v", got)
	}
}

func TestLoadAccountsErrorsNameFileAccountAndField(t *testing.T) {
	for name, tc := range map[string]struct{ yaml, want string }{
		"unknown field":     {"accounts:\n  - name: a\n    token_env: X\n    tokens: y\n", "field tokens not found"},
		"no accounts":       {"accounts: []\n", "accounts: at least one"},
		"missing name":      {"accounts:\n  - token_env: X\n", `accounts[0] (""): name: missing`},
		"two token sources": {"accounts:\n  - name: a\n    token_env: X\n    token_file: /f\n", `accounts[0] ("a"): token_file, token_env`},
		"no token source":   {"accounts:\n  - name: a\n", `token_file, token_env: give exactly one`},
		"duplicate name":    {"accounts:\n  - {name: a, token_env: X}\n  - {name: a, token_env: Y}\n", `accounts[1] ("a"): name: used`},
		"unknown collector": {"accounts:\n  - {name: a, token_env: X, collectors: [dropletz]}\n", `collectors: unknown collector "dropletz"`},
		"bad interval":      {"accounts:\n  - {name: a, token_env: X, refresh_interval: soon}\n", "soon"},
		"tiny interval":     {"accounts:\n  - {name: a, token_env: X, refresh_interval: 10ms}\n", "refresh_interval: must be at least 1s"},
		"not yaml":          {"accounts: [\n", "yaml"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "exporter.yml")
			os.WriteFile(path, []byte(tc.yaml), 0o600)
			_, err := LoadAccounts(path, collectors)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %v, want one naming %s and containing %q", err, path, tc.want)
			}
		})
	}
	if _, err := LoadAccounts("/no/such/file.yml", collectors); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzParseAccounts feeds arbitrary bytes to the config parser: it may
// refuse them, but must not panic, and what it accepts must be valid.
func FuzzParseAccounts(f *testing.F) {
	f.Add([]byte("accounts:\n  - name: a\n    token_env: X\n"))
	f.Add([]byte("accounts:\n  - {name: a, token_file: /f, collectors: [droplets], refresh_interval: 5m}\n"))
	f.Add([]byte("accounts: [{name: \"\\u0000\"}]"))
	f.Add([]byte("&a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		accounts, err := parseAccounts(data, collectors)
		if err != nil {
			return
		}
		for _, a := range accounts {
			if a.validate(collectors) != nil {
				t.Errorf("accepted an invalid account %+v", a)
			}
		}
	})
}
