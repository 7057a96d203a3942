package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// collectors: every collector the tests know, apps disabled by its flag.
var collectors = Collectors{All: []string{"droplets", "kubernetes", "databases", "apps"}, Enabled: []string{"droplets", "kubernetes", "databases"}}

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
    monitoring_droplet_tags: [production, web]
    organization_uuid: 6a1b2c3d-0000-4000-8000-000000000001
    monthly_budget_dollars: 1500.50
`), 0o600)
	got, err := LoadAccounts(path, collectors)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].TokenFile != "/run/secrets/do-production" || got[1].TokenEnv != "DO_STAGING_TOKEN" ||
		got[1].RefreshInterval != 5*time.Minute || got[1].DetailInterval != time.Hour || len(got[1].Collectors) != 2 ||
		strings.Join(got[1].MonitoringDropletTags, ",") != "production,web" || got[0].MonitoringDropletTags != nil {
		t.Errorf("accounts: %+v", got)
	}
	if got[1].OrganizationUUID != "6a1b2c3d-0000-4000-8000-000000000001" || got[1].MonthlyBudgetDollars != 1500.5 ||
		got[0].OrganizationUUID != "" || got[0].MonthlyBudgetDollars != 0 {
		t.Errorf("organization and budget: %+v", got)
	}
}

func TestLoadAccountsErrorsNameFileAccountAndField(t *testing.T) {
	for name, tc := range map[string]struct {
		yaml string
		want []string
	}{
		"unknown field": {"accounts:\n  - name: a\n    token_env: X\n    refresh_intervall: 5m\n",
			[]string{`accounts[0] ("a"): unknown field "refresh_intervall" (line 4); an account has name, token_file, token_env`}},
		"unknown field at the top": {"acounts:\n  - name: a\n", []string{`unknown field "acounts" (line 2); the file has only accounts`}},
		"bad duration": {"accounts:\n  - name: a\n    token_env: X\n    refresh_interval: banana\n",
			[]string{`accounts[0] ("a"): refresh_interval (line 4): "banana" is not a duration; write it like 90s, 5m or 1h`}},
		"duration without unit": {"accounts:\n  - {name: a, token_env: X, detail_interval: 300}\n",
			[]string{`accounts[0] ("a"): detail_interval (line 2): "300" is not a duration`}},
		"list for a name": {"accounts:\n  - {name: [a], token_env: X}\n", []string{`accounts[0] (""): name (line 2): must be a single value`}},
		"text for a list": {"accounts:\n  - {name: a, token_env: X, collectors: droplets}\n", []string{`accounts[0] ("a"): collectors (line 2): must be a list`}},
		"tag for a list of tags": {"accounts:\n  - name: a\n    token_env: X\n    monitoring_droplet_tags: web\n",
			[]string{`config file "`, `accounts[0] ("a"): monitoring_droplet_tags (line 4): must be a list of tags, like [production, web]`}},
		"an empty tag": {"accounts:\n  - {name: a, token_env: X, monitoring_droplet_tags: [web, \"\"]}\n",
			[]string{`accounts[0] ("a"): monitoring_droplet_tags (line 2): must be a list of tags`}},
		"field given twice":     {"accounts:\n  - name: a\n    token_env: X\n    name: b\n", []string{`"name" already defined at line 2`}},
		"account not a mapping": {"accounts:\n  - production\n", []string{`accounts[0] (""): (line 2) must be a mapping of name, token_file`}},
		"accounts not a list":   {"accounts: production\n", []string{"accounts (line 1): must be a list of accounts"}},
		"file not a mapping":    {"- name: a\n", []string{"the file must be a mapping that holds a list of accounts"}},
		"no accounts":           {"accounts: []\n", []string{"accounts: at least one"}},
		"empty file":            {"", []string{"accounts: at least one"}},
		"missing name":          {"accounts:\n  - token_env: X\n", []string{`accounts[0] (""): name: missing`}},
		"two token sources":     {"accounts:\n  - name: a\n    token_env: X\n    token_file: /f\n", []string{`accounts[0] ("a"): token_file, token_env`}},
		"no token source":       {"accounts:\n  - name: a\n", []string{`token_file, token_env: give exactly one`}},
		"duplicate name":        {"accounts:\n  - {name: a, token_env: X}\n  - {name: a, token_env: Y}\n", []string{`accounts[1] ("a"): name: used`}},
		"unknown collector":     {"accounts:\n  - {name: a, token_env: X, collectors: [dropletz]}\n", []string{`accounts[0] ("a"): collectors: unknown collector "dropletz" (known: droplets, kubernetes, databases, apps)`}},
		"disabled collector": {"accounts:\n  - {name: a, token_env: X, collectors: [droplets, apps]}\n",
			[]string{`accounts[0] ("a"): collectors: "apps" is disabled by --no-collector.apps`}},
		"tiny interval": {"accounts:\n  - {name: a, token_env: X, refresh_interval: 10ms}\n", []string{"refresh_interval: must be at least 1s"}},
		"budget with a currency": {"accounts:\n  - name: a\n    token_env: X\n    monthly_budget_dollars: $1500\n",
			[]string{`accounts[0] ("a"): monthly_budget_dollars (line 4): "$1500" is not an amount of dollars above 0; write it like 1500 or 1500.50`}},
		"budget of nothing": {"accounts:\n  - {name: a, token_env: X, monthly_budget_dollars: 0}\n", []string{`monthly_budget_dollars (line 2): "0" is not an amount`}},
		"budget below zero": {"accounts:\n  - {name: a, token_env: X, monthly_budget_dollars: -5}\n", []string{`monthly_budget_dollars (line 2): "-5" is not`}},
		"endless budget":    {"accounts:\n  - {name: a, token_env: X, monthly_budget_dollars: .inf}\n", []string{`monthly_budget_dollars (line 2): ".inf" is not`}},
		"budget as a list":  {"accounts:\n  - {name: a, token_env: X, monthly_budget_dollars: [1]}\n", []string{`monthly_budget_dollars (line 2): "" is not`}},
		"organization name": {"accounts:\n  - {name: a, token_env: X, organization_uuid: acme}\n", []string{`accounts[0] ("a"): organization_uuid (line 2): "acme" is not a UUID`}},
		"organization as URN": {"accounts:\n  - {name: a, token_env: X, organization_uuid: \"do:teamgroup:6a1b2c3d-0000-4000-8000-000000000001\"}\n",
			[]string{`organization_uuid (line 2): "do:teamgroup:6a1b2c3d-0000-4000-8000-000000000001" is not a UUID`}},
		"not yaml": {"accounts: [\n", []string{"not valid YAML: line 1"}},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "exporter.yml")
			os.WriteFile(path, []byte(tc.yaml), 0o600)
			_, err := LoadAccounts(path, collectors)
			if err == nil {
				t.Fatalf("no error, want one naming %s", path)
			}
			for _, want := range append(tc.want, `config file "`+path+`": `) {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q\nwants %q", err, want)
				}
			}
			for _, goTerm := range []string{"config.Account", "time.Duration", "yaml.Node", "!!", "unmarshal"} {
				if strings.Contains(err.Error(), goTerm) {
					t.Errorf("error %q speaks of %s, not of the file", err, goTerm)
				}
			}
		})
	}
	if _, err := LoadAccounts("/no/such/file.yml", collectors); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
}

// TestLoadAccountsErrorsHideTokens puts a token where it does not belong:
// the error still names the field, but never quotes the token.
func TestLoadAccountsErrorsHideTokens(t *testing.T) {
	for name, tc := range map[string]struct{ yaml, want string }{
		"token as a field":            {"accounts:\n  - name: a\n    token: " + distinctiveToken + "\n", `unknown field "token" (line 3)`},
		"token as a variable":         {"accounts:\n  - {name: a, token_env: " + distinctiveToken + ", token_file: /f}\n", `accounts[0] ("a"): token_file, token_env`},
		"token as a name":             {"accounts:\n  - {name: " + distinctiveToken + ", token_env: X, refresh_interval: 1}\n", `accounts[0] (<redacted>): refresh_interval`},
		"token as a duration":         {"accounts:\n  - {name: a, token_env: X, refresh_interval: " + distinctiveToken + "}\n", `<redacted> is not a duration`},
		"token as a collector":        {"accounts:\n  - {name: a, token_env: X, collectors: [" + distinctiveToken + "]}\n", `unknown collector <redacted>`},
		"legacy hex token as a field": {"accounts:\n  - name: a\n    secret: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", `unknown field "secret"`},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "exporter.yml")
			os.WriteFile(path, []byte(tc.yaml), 0o600)
			_, err := LoadAccounts(path, collectors)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "dop_v1_") || strings.Contains(err.Error(), "0123456789abcdef0123") {
				t.Errorf("error shows the token: %v", err)
			}
		})
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
