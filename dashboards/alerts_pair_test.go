package dashboards

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// pairTestFile holds the cases written for a pair of exporters; the others
// are written for one, and TestAlertsOfAPairAreThoseOfOneExporter runs them
// for two.
const pairTestFile = "alerts_ha_test.yml"

// The exporters of a pair, as Prometheus labels their series.
var pairInstances = []string{"a:9212", "b:9212"}

// TestAlertsOfAPairAreThoseOfOneExporter runs every promtool case of
// alerts_*_test.yml again as if two exporters watched the account (a pair
// for high availability, or the old and the new host of a move): each
// input series twice, from instance a:9212 and from b:9212, and the same
// expected alerts. So every alert, firing or quiet, must give a pair
// exactly the alerts one exporter gets, with the same labels and
// annotations: none twice, no instance label, no join that fails on a
// duplicate, no workload listed twice in a description.
func TestAlertsOfAPairAreThoseOfOneExporter(t *testing.T) {
	t.Parallel()
	promtool := testtool.Find(t, "promtool", "prometheus")
	rules, err := filepath.Abs(alertsFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for _, file := range ruleTestFiles(t) {
		if file == pairTestFile {
			continue
		}
		var tests map[string]any
		readYAML(t, file, &tests)
		n := 0
		for _, test := range tests["tests"].([]any) {
			test := test.(map[string]any)
			var pair []any
			for _, s := range test["input_series"].([]any) {
				s := s.(map[string]any)
				for _, series := range fromAPair(t, s["series"].(string)) {
					pair = append(pair, map[string]any{"series": series, "values": s["values"]})
				}
			}
			test["input_series"], n = pair, n+len(pair)
		}
		if n == 0 {
			t.Fatalf("%s: no input series", file)
		}
		tests["rule_files"] = []string{rules}
		raw, err := yaml.Marshal(tests)
		if err != nil {
			t.Fatal(err)
		}
		pair := filepath.Join(dir, strings.TrimSuffix(file, "_test.yml")+"_pair_test.yml")
		if err := os.WriteFile(pair, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, pair)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, promtool, append([]string{"test", "rules"}, files...)...).CombinedOutput(); err != nil {
		t.Errorf("promtool test rules, every case from a pair of exporters: %v\n%s", err, out)
	}
}

var (
	promtoolSeries = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\}$`)
	instanceMatch  = regexp.MustCompile(`(^|,)\s*instance="[^"]*"\s*(,|$)`)
)

// fromAPair turns one input series of promtool into that series from each
// exporter of a pair.
func fromAPair(t *testing.T, series string) []string {
	m := promtoolSeries.FindStringSubmatch(strings.TrimSpace(series))
	if m == nil {
		t.Fatalf("input series %q is not name{labels}", series)
	}
	labels := strings.Trim(instanceMatch.ReplaceAllString(m[2], "$1"), ", ")
	var out []string
	for _, instance := range pairInstances {
		l := fmt.Sprintf("instance=%q", instance)
		if labels != "" {
			l = labels + "," + l
		}
		out = append(out, m[1]+"{"+l+"}")
	}
	return out
}
