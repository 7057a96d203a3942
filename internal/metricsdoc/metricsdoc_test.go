package metricsdoc

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
)

const page = "../../docs/metrics.md"

// TestMetricsDocIsCurrent fails when docs/metrics.md is not what the
// generator writes from the collectors as they are.
func TestMetricsDocIsCurrent(t *testing.T) {
	sections, err := Sections()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := Render(&want, sections); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("docs/metrics.md is not what the collectors describe; run go generate ./collector and read the diff")
	}
}

// TestMetricTypesFollowTheNamingRule reads the type of every family in the
// collectors' golden files, which hold what they really expose, and fails
// when it is not the type the reference gives it.
func TestMetricTypesFollowTheNamingRule(t *testing.T) {
	files, err := filepath.Glob("../../collector/testdata/*.prom")
	if err != nil || len(files) < 20 {
		t.Fatalf("%d golden files (%v)", len(files), err)
	}
	sections, err := Sections()
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]string{}
	for _, s := range sections {
		for _, m := range s.Metrics {
			documented[m.Name] = m.Type
		}
	}
	seen := 0
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(bytes.NewReader(raw))
		for lines.Scan() {
			fields := strings.Fields(lines.Text())
			if len(fields) != 4 || fields[0] != "#" || fields[1] != "TYPE" {
				continue
			}
			seen++
			if typ, ok := documented[fields[2]]; !ok {
				t.Errorf("%s: %s is not in the reference", file, fields[2])
			} else if typ != fields[3] {
				t.Errorf("%s: %s is a %s, the reference says %s", file, fields[2], fields[3], typ)
			}
		}
	}
	if seen < 100 {
		t.Errorf("only %d families in the golden files", seen)
	}
}

func TestParse(t *testing.T) {
	d := prometheus.NewDesc("digitalocean_x_total", `Things, "quoted" {braced}.`, []string{"account", "kind"},
		prometheus.Labels{"version": `1.0 "x"`, "branch": "main"})
	got, err := Parse(d)
	if err != nil {
		t.Fatal(err)
	}
	want := Metric{Name: "digitalocean_x_total", Help: `Things, "quoted" {braced}.`, Type: "counter",
		Labels: []string{"account", "kind", "branch", "version"}}
	if got.Name != want.Name || got.Help != want.Help || got.Type != want.Type || !slices.Equal(got.Labels, want.Labels) {
		t.Errorf("Parse = %+v, want %+v", got, want)
	}
}

// TestSectionsHoldEveryCollector: the health, drift and build sections and
// one per collector, none empty, and no metric twice.
func TestSectionsHoldEveryCollector(t *testing.T) {
	sections, err := Sections()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, s := range sections {
		if len(s.Metrics) == 0 {
			t.Errorf("section %s has no metric", s.Name)
		}
		for _, m := range s.Metrics {
			if other, twice := seen[m.Name]; twice {
				t.Errorf("%s is in sections %s and %s", m.Name, other, s.Name)
			}
			seen[m.Name] = s.Name
		}
	}
	if _, ok := seen["digitalocean_exporter_build_info"]; !ok {
		t.Error("no section holds the build information")
	}
}

// TestNoMetricCarriesATargetLabel: Prometheus gives every scraped series
// the target's job and instance; a metric's own label of that name would be
// renamed exported_instance (or, with honor_labels, overwrite the target's).
func TestNoMetricCarriesATargetLabel(t *testing.T) {
	sections, err := Sections()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sections {
		for _, m := range s.Metrics {
			for _, label := range m.Labels {
				if label == "job" || label == "instance" || strings.HasPrefix(label, "exported_") {
					t.Errorf("%s has a label %s, which Prometheus keeps for the target", m.Name, label)
				}
			}
		}
	}
}
