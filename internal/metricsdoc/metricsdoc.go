// Package metricsdoc writes docs/metrics.md, the metric reference, from
// the collectors' own descriptions: every Desc the exporter registers,
// grouped by collector, with the resource kinds each collector reads.
// internal/cmd/metricsdoc runs it (go generate ./collector); a test fails
// when the committed page differs from what it writes.
package metricsdoc

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	versioncollector "github.com/prometheus/client_golang/prometheus/collectors/version"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Program is the name the binary gives its build information
// (digitalocean_exporter_build_info).
const Program = "digitalocean_exporter"

// Metric is what a Desc says of one metric family.
type Metric struct {
	Name   string
	Help   string
	Type   string
	Labels []string // variable labels, then constant ones, sorted
}

// descString reads Desc.String, the only way client_golang shows a Desc's
// name, help and labels.
var descString = regexp.MustCompile(`^Desc\{fqName: ("(?:[^"\\]|\\.)*"), help: ("(?:[^"\\]|\\.)*"), ` +
	`unit: "(?:[^"\\]|\\.)*", constLabels: \{((?:[^{}"]|"(?:[^"\\]|\\.)*")*)\}, variableLabels: \{([^}]*)\}\}$`)

var constLabel = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"`)

// Parse reads a Desc's name, help and labels. Its type is not in the Desc:
// it follows the naming rule every collector keeps (TypeOf).
func Parse(d *prometheus.Desc) (Metric, error) {
	m := descString.FindStringSubmatch(d.String())
	if m == nil {
		return Metric{}, fmt.Errorf("cannot read %s", d)
	}
	name, err := strconv.Unquote(m[1])
	if err != nil {
		return Metric{}, fmt.Errorf("%s: name: %w", d, err)
	}
	help, err := strconv.Unquote(m[2])
	if err != nil {
		return Metric{}, fmt.Errorf("%s: help: %w", d, err)
	}
	var labels []string
	if m[4] != "" {
		labels = strings.Split(m[4], ",")
	}
	var consts []string
	for _, c := range constLabel.FindAllStringSubmatch(m[3], -1) {
		consts = append(consts, c[1])
	}
	slices.Sort(consts)
	return Metric{Name: name, Help: help, Type: TypeOf(name), Labels: append(labels, consts...)}, nil
}

// TypeOf is a metric's type by our naming rule: only counters end in
// _total, and every other metric is a gauge (a test holds the collectors'
// output to it).
func TypeOf(name string) string {
	if strings.HasSuffix(name, "_total") {
		return "counter"
	}
	return "gauge"
}

// Section is one collector, or the exporter's own metrics, as the page
// shows it.
type Section struct {
	Name    string // the collector's name, or one of the exporter's own sections
	Title   string // the heading
	Summary string
	Switch  string            // how it is turned on or off
	Kinds   []*inventory.Kind // the resource kinds it reads; none for one that reads every list
	See     string            // the page that explains it, relative to docs/
	Metrics []Metric

	collectors []prometheus.Collector // what describes its metrics
}

// Sections are every metric the exporter exposes, by collector: the
// exporter's health first, then each collector of collector.Factories in
// its order, then drift and the build information.
func Sections() ([]Section, error) {
	src := inventory.Refreshers{}
	none := func(string) bool { return false }
	health := collector.Collectors(src, none) // the health collector alone
	sections := []Section{own("health", "Exporter health",
		"Whether each account's API answers, how each refresh went, the request budget and rate limit, "+
			"the Monitoring API's coverage, and when each account's token was read.",
		append(health, collector.NewTokenCollector(nil))...)}
	for _, f := range collector.Factories {
		s, err := factorySection(f, src)
		if err != nil {
			return nil, err
		}
		sections = append(sections, s)
	}
	sections = append(sections,
		own("drift", "Drift",
			"Changes between refreshes, and with --drift.baseline-file the drift from the baseline.",
			collector.NewDriftCollector(src, nil)),
		own("build", "Build information",
			"The version, revision and branch the binary was built from, and the Go version that built it.",
			versioncollector.NewCollector(Program)))
	for i := range sections {
		if err := describe(&sections[i]); err != nil {
			return nil, err
		}
	}
	return sections, nil
}

func own(name, title, summary string, cs ...prometheus.Collector) Section {
	return Section{Name: name, Title: title, Summary: summary, Switch: "Always on.", See: seeAlso[name], collectors: cs}
}

func factorySection(f collector.Factory, src inventory.Source) (Section, error) {
	var kinds []*inventory.Kind
	for _, name := range f.Kinds {
		k := inventory.KindNamed(name)
		if k == nil {
			return Section{}, fmt.Errorf("collector %s reads kind %s, which inventory does not declare", f.Name, name)
		}
		kinds = append(kinds, k)
	}
	return Section{Name: f.Name, Title: "`" + f.Name + "`", Summary: sentence(f.Help), Switch: switchOf(f),
		Kinds: kinds, See: seeAlso[f.Name], collectors: []prometheus.Collector{f.New(src)}}, nil
}

func switchOf(f collector.Factory) string {
	if f.EnabledByDefault {
		return "On by default; `--no-collector." + f.Name + "` turns it off."
	}
	return "Off by default; `--collector." + f.Name + "` turns it on, and so does `--demo`."
}

func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// describe fills a section's metrics from its collectors' Descs.
func describe(s *Section) error {
	descs := make(chan *prometheus.Desc)
	go func() {
		for _, c := range s.collectors {
			c.Describe(descs)
		}
		close(descs)
	}()
	var err error
	for d := range descs {
		m, parseErr := Parse(d)
		if parseErr != nil {
			err = parseErr
			continue
		}
		s.Metrics = append(s.Metrics, m)
	}
	return err
}

// seeAlso names the page that explains a section's metrics, where one does.
var seeAlso = map[string]string{
	"health":                          "cost-and-rate-limits.md",
	"drift":                           "drift.md",
	collector.PostureName:             "posture.md",
	inventory.KindFirewalls:           "posture.md",
	inventory.KindSecurityScan:        "posture.md",
	collector.CostName:                "cost-and-waste.md",
	collector.BillingName:             "cost-and-waste.md",
	inventory.KindProjects:            "projects.md",
	inventory.KindDropletMetrics:      "monitoring.md",
	inventory.KindAppMetrics:          "monitoring.md",
	inventory.KindLoadBalancerMetrics: "monitoring.md",
	"build":                           "operations.md#release-builds-and-the-stamped-version",
}
