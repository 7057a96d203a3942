package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-kit/log"
	"github.com/prometheus/client_golang/prometheus"
	versioncollector "github.com/prometheus/client_golang/prometheus/collectors/version"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/metricsdoc"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestEveryMetricIsDocumented fails when a metric the binary registers is
// not in the metric reference, docs/metrics.md, with its type and exactly
// its labels, or when the reference lists a metric nothing registers. The
// reference is generated (internal/metricsdoc); this holds the generator
// to what main wires up.
func TestEveryMetricIsDocumented(t *testing.T) {
	documented := referenceRows(t)
	registered := map[string]bool{}
	for _, m := range registeredMetrics(t) {
		registered[m.Name] = true
		row, ok := documented[m.Name]
		if !ok {
			t.Errorf("%s is not in docs/metrics.md", m.Name)
			continue
		}
		if row.typ != m.Type || !slices.Equal(row.labels, m.Labels) {
			t.Errorf("%s: docs/metrics.md says a %s with labels %q, the binary a %s with %q",
				m.Name, row.typ, row.labels, m.Type, m.Labels)
		}
	}
	for name := range documented {
		if !registered[name] {
			t.Errorf("docs/metrics.md lists %s, which nothing registers", name)
		}
	}
	if len(registered) < 30 {
		t.Errorf("only %d metrics registered; is the registry complete?", len(registered))
	}
}

// registeredMetrics are the exporter's own metrics, as newMux registers
// them: health and every collector, drift, tokens and the build.
func registeredMetrics(t *testing.T) []metricsdoc.Metric {
	all := append(collector.Collectors(inventory.Refreshers{}, func(string) bool { return true }),
		collector.NewDriftCollector(inventory.Refreshers{}, nil), collector.NewTokenCollector(nil),
		versioncollector.NewCollector(programName))
	descs := make(chan *prometheus.Desc)
	go func() {
		for _, c := range all {
			c.Describe(descs)
		}
		close(descs)
	}()
	var metrics []metricsdoc.Metric
	for d := range descs {
		m, err := metricsdoc.Parse(d)
		if err != nil {
			t.Error(err)
			continue
		}
		metrics = append(metrics, m)
	}
	return metrics
}

var referenceRow = regexp.MustCompile("(?m)^\\| `(digitalocean_[a-z0-9_]+)` \\| ([a-z]+) \\| ([^|]*?) \\|")

// referenceEntry is what the reference says of a metric.
type referenceEntry struct {
	typ    string
	labels []string
}

// referenceRows reads the reference's tables: each metric's type and labels.
func referenceRows(t *testing.T) map[string]referenceEntry {
	rows := map[string]referenceEntry{}
	for _, m := range referenceRow.FindAllStringSubmatch(readDoc(t, "docs/metrics.md"), -1) {
		if _, twice := rows[m[1]]; twice {
			t.Errorf("docs/metrics.md lists %s twice", m[1])
		}
		var labels []string
		for _, label := range strings.FieldsFunc(m[3], func(r rune) bool { return r == ',' || r == ' ' }) {
			labels = append(labels, strings.Trim(label, "`"))
		}
		rows[m[1]] = referenceEntry{typ: m[2], labels: labels}
	}
	return rows
}

func readDoc(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.FromSlash(name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestEveryWorkloadKindIsDocumented fails when a workload kind, or an
// attribute of one, is missing from the inventory tables of
// docs/inventory.md.
func TestEveryWorkloadKindIsDocumented(t *testing.T) {
	section := readDoc(t, "docs/inventory.md")
	for _, k := range inventory.WorkloadKinds() {
		row := regexp.MustCompile("(?m)^\\| [^|]*`" + k.Name() + "`[^|]*\\|.*$").FindString(section)
		if row == "" {
			t.Errorf("kind %s has no row in the inventory table of docs/inventory.md", k.Name())
			continue
		}
		for _, key := range k.AttributeKeys() {
			if !strings.Contains(row, "`"+key+"`") {
				t.Errorf("kind %s: attribute %s is not in its row of docs/inventory.md", k.Name(), key)
			}
		}
	}
}

// TestEveryCollectorHasARequestCost fails when a collector has no row in
// the table of request costs of docs/cost-and-rate-limits.md.
func TestEveryCollectorHasARequestCost(t *testing.T) {
	table := between(readDoc(t, costPage), "| collector | resource kinds | requests per refresh |", "\n\n")
	costs := regexp.MustCompile(`(?m)^\| ([a-z_, ]+) \| (?:none|`+"`"+`)`).FindAllStringSubmatch(table, -1)
	named := map[string]bool{}
	for _, row := range costs {
		for _, name := range strings.Split(row[1], ", ") {
			named[name] = true
		}
	}
	for _, f := range collector.Factories {
		if !named[f.Name] {
			t.Errorf("collector %s has no row in the request-cost table of %s", f.Name, costPage)
		}
	}
}

// between is the text from the first start to the first end after it.
func between(text, start, end string) string {
	_, after, _ := strings.Cut(text, start)
	inside, _, _ := strings.Cut(after, end)
	return inside
}

// costPage holds what each collector costs in requests.
const costPage = "docs/cost-and-rate-limits.md"

// TestANearlyEmptyAccountCostsWhatTheDocsSay refreshes every kind the
// default collectors need, for an account of three Droplets: every list
// costs one request even when empty, and details cost nothing without
// objects. docs/cost-and-rate-limits.md states the figure.
func TestANearlyEmptyAccountCostsWhatTheDocsSay(t *testing.T) {
	m := regexp.MustCompile(`(\d+) list requests every 2 minutes and (\d+) detail requests every\s+15 minutes` +
		`[^,]*, about\s+(\d+) an hour`).FindStringSubmatch(readDoc(t, costPage))
	if m == nil {
		t.Fatalf("%s does not say what a nearly empty account costs", costPage)
	}
	lists, details, hourly := atoi(t, m[1]), atoi(t, m[2]), atoi(t, m[3])
	if hourly != lists*30+details*4 {
		t.Errorf("%s: %d an hour is not %d lists 30 times and %d details 4 times", costPage, hourly, lists, details)
	}
	api := testtool.FakeAPI(t, "dop_v1_cost_test_token", fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 3}))
	opts, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	r, err := inventory.NewRefresher(inventory.Options{
		Account: "default", Kinds: kindsOf(opts.enabledCollectors()), Interval: time.Minute, Logger: log.NewNopLogger(),
		Client: inventory.ClientOptions{BaseURL: api.URL, Token: func() string { return "dop_v1_cost_test_token" }, Timeout: 10 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.Refresh(ctx)
	if got := len(api.Requests()); got != lists+details {
		t.Errorf("one refresh with the default collectors sent %d requests, %s says %d and %d", got, costPage, lists, details)
	}
}

func atoi(t *testing.T, digits string) int {
	n, err := strconv.Atoi(digits)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
