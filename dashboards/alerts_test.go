package dashboards

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

const (
	alertsFile = "alerts.yml"
	// repoURL is where GitHub shows the repository's files; a runbook_url
	// names a heading of a page in docs/ under it.
	repoURL     = "https://github.com/digitalocean-exporter/digitalocean_exporter/blob/main/"
	runbookPage = "docs/alerts.md"
	runbookURL  = repoURL + runbookPage + "#"
)

// alertGroups are the groups alerts.yml must have, in order.
var alertGroups = []string{"digitalocean-drift", "digitalocean-health", "digitalocean-performance", "digitalocean-posture",
	"digitalocean-certificates", "digitalocean-cost", "digitalocean-operations", "digitalocean-exporter"}

type alertRule struct {
	Alert       string            `yaml:"alert"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

type ruleGroup struct {
	Name  string      `yaml:"name"`
	Rules []alertRule `yaml:"rules"`
}

func readAlerts(t *testing.T) []ruleGroup {
	t.Helper()
	var file struct {
		Groups []ruleGroup `yaml:"groups"`
	}
	readYAML(t, alertsFile, &file)
	return file.Groups
}

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func ruleTestFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("alerts_*_test.yml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no promtool test files alerts_*_test.yml (%v)", err)
	}
	return files
}

// TestAlertRulesWithPromtool checks the rules and runs their unit tests
// with Prometheus' own promtool. In CI a missing promtool fails the test;
// elsewhere it is skipped.
func TestAlertRulesWithPromtool(t *testing.T) {
	t.Parallel() // beside TestAlertsOfAPairAreThoseOfOneExporter: each runs promtool for long
	promtool := testtool.Find(t, "promtool", "prometheus")
	for _, args := range [][]string{
		{"check", "rules", alertsFile},
		append([]string{"test", "rules"}, ruleTestFiles(t)...),
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		out, err := exec.CommandContext(ctx, promtool, args...).CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// TestEveryAlertFiresAndStaysQuietInATest fails when an alert has no
// promtool test case in which it fires, or none in which it stays quiet,
// or when a test names an alert that does not exist (and so passes quietly).
func TestEveryAlertFiresAndStaysQuietInATest(t *testing.T) {
	fires, quiet := map[string]bool{}, map[string]bool{}
	for _, file := range ruleTestFiles(t) {
		var tests struct {
			RuleFiles []string `yaml:"rule_files"`
			Tests     []struct {
				Cases []struct {
					Alertname string           `yaml:"alertname"`
					ExpAlerts []map[string]any `yaml:"exp_alerts"`
				} `yaml:"alert_rule_test"`
			} `yaml:"tests"`
		}
		readYAML(t, file, &tests)
		if !slices.Equal(tests.RuleFiles, []string{alertsFile}) {
			t.Errorf("%s tests %v, want %s", file, tests.RuleFiles, alertsFile)
		}
		for _, test := range tests.Tests {
			for _, c := range test.Cases {
				fires[c.Alertname] = fires[c.Alertname] || len(c.ExpAlerts) > 0
				quiet[c.Alertname] = quiet[c.Alertname] || len(c.ExpAlerts) == 0
			}
		}
	}
	defined := map[string]bool{}
	for _, g := range readAlerts(t) {
		for _, r := range g.Rules {
			defined[r.Alert] = true
			if !fires[r.Alert] {
				t.Errorf("%s: no test case in which it fires", r.Alert)
			}
			if !quiet[r.Alert] {
				t.Errorf("%s: no test case in which it stays quiet", r.Alert)
			}
		}
	}
	for name := range fires {
		if !defined[name] {
			t.Errorf("the tests name %s, which %s does not define", name, alertsFile)
		}
	}
}

// TestAlertsFollowTheConventions: the groups; on every alert a severity of
// critical, warning or info, a summary, a description that names the
// account (and, but for the exporter's own alerts, which may name the
// scrape job instead, the workloads), a noun that follows a count, and a
// runbook_url to its own runbook in docs/alerts.md, whose heading is the
// alert's name.
func TestAlertsFollowTheConventions(t *testing.T) {
	groups := readAlerts(t)
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	if !slices.Equal(names, alertGroups) {
		t.Errorf("groups %v, want %v", names, alertGroups)
	}
	for _, g := range groups {
		for _, r := range g.Rules {
			if !isSeverity(r.Labels["severity"]) {
				t.Errorf("%s: severity %q is not critical, warning or info", r.Alert, r.Labels["severity"])
			}
			description := r.Annotations["description"]
			if r.Annotations["summary"] == "" || description == "" {
				t.Errorf("%s: no summary or no description", r.Alert)
			}
			// The exporter's own alerts may name its scrape job instead.
			names := regexp.MustCompile(`\$labels\.account\b`).MatchString(description) ||
				g.Name == "digitalocean-exporter" && regexp.MustCompile(`\$labels\.job\b`).MatchString(description)
			if !names {
				t.Errorf("%s: the description names no account", r.Alert)
			}
			// A finding of DigitalOcean's scan names its rule: the exporter
			// does not read which resources break it.
			namesWorkloads := regexp.MustCompile(`\$labels\.(name|id|rule)\b|\.Labels\.name`).MatchString(description)
			if g.Name != "digitalocean-exporter" && !namesWorkloads {
				t.Errorf("%s: the description names no workload", r.Alert)
			}
			for name, text := range r.Annotations {
				// "{{ $value }} databases" would read "1 databases".
				if regexp.MustCompile(`\{\{ \$value \}\} [A-Za-z{]`).MatchString(text) && !strings.Contains(text, "eq $value 1.0") {
					t.Errorf("%s: the %s counts with $value, but its noun does not follow the count", r.Alert, name)
				}
			}
			anchor := strings.ToLower(r.Alert)
			if url := r.Annotations["runbook_url"]; url != runbookURL+anchor {
				t.Errorf("%s: runbook_url %q, want %s", r.Alert, url, runbookURL+anchor)
			}
		}
	}
}

// isSeverity accepts one of the three severities, or a template whose
// every possible output is one of them.
func isSeverity(s string) bool {
	outputs := regexp.MustCompile(`\{\{[^}]*\}\}`).Split(s, -1)
	found := false
	for _, out := range outputs {
		if out == "" {
			continue
		}
		if !slices.Contains([]string{"critical", "warning", "info"}, out) {
			return false
		}
		found = true
	}
	return found
}
