package main

import (
	"context"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-kit/log"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestEveryMetricIsDocumented fails when a collector describes a metric, or
// a label of it, that the README's metric table does not name.
func TestEveryMetricIsDocumented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rowPattern := regexp.MustCompile("^\\| `(digitalocean_[a-z0-9_]+)` \\|([^|]*)\\|")
	rows := map[string]string{}
	for _, line := range strings.Split(string(readme), "\n") {
		if m := rowPattern.FindStringSubmatch(line); m != nil {
			rows[m[1]] = m[2]
		}
	}
	descs := make(chan *prometheus.Desc, 100)
	go func() {
		all := append(collector.Collectors(inventory.Refreshers{}, func(string) bool { return true }),
			collector.NewDriftCollector(inventory.Refreshers{}, nil), collector.NewTokenCollector(nil))
		for _, c := range all {
			c.Describe(descs)
		}
		close(descs)
	}()
	n := 0
	for d := range descs {
		m := descPattern.FindStringSubmatch(d.String())
		if m == nil {
			t.Fatalf("cannot read %s", d)
		}
		n++
		documented, ok := rows[m[1]]
		if !ok {
			t.Errorf("%s is not in the README's metric table", m[1])
			continue
		}
		for _, label := range strings.Split(m[2], ",") {
			if label != "account" && label != "" && !strings.Contains(documented, label) {
				t.Errorf("%s: label %s is not in the README", m[1], label)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d metrics described; is the registry complete?", n)
	}
}

// descPattern reads a Desc's name and variable labels from its String:
// client_golang has no getter for either.
var descPattern = regexp.MustCompile(`fqName: "([^"]+)".*variableLabels: \{([^}]*)\}`)

func descName(d *prometheus.Desc) string {
	if m := descPattern.FindStringSubmatch(d.String()); m != nil {
		return m[1]
	}
	panic("cannot read " + d.String())
}

// TestEveryWorkloadKindIsDocumented fails when a workload kind, or an
// attribute of one, is missing from the README's inventory tables.
func TestEveryWorkloadKindIsDocumented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	if i := strings.Index(section, "## The inventory, without Prometheus"); i >= 0 {
		section = section[i:]
	}
	if i := strings.Index(section, "\n## Drift"); i >= 0 {
		section = section[:i]
	}
	for _, k := range inventory.WorkloadKinds() {
		row := regexp.MustCompile("(?m)^\\| [^|]*`" + k.Name() + "`[^|]*\\|.*$").FindString(section)
		if row == "" {
			t.Errorf("kind %s has no row in the README's inventory table", k.Name())
			continue
		}
		for _, key := range k.AttributeKeys() {
			if !strings.Contains(row, "`"+key+"`") {
				t.Errorf("kind %s: attribute %s is not in its README row", k.Name(), key)
			}
		}
	}
}

// TestEveryCollectorHasARequestCost fails when a collector has no row in
// the README's table of request costs.
func TestEveryCollectorHasARequestCost(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := between(string(readme), "| collector | resource kinds | requests per refresh |", "\n\n")
	costs := regexp.MustCompile(`(?m)^\| ([a-z_, ]+) \| (?:none|`+"`"+`)`).FindAllStringSubmatch(table, -1)
	named := map[string]bool{}
	for _, row := range costs {
		for _, name := range strings.Split(row[1], ", ") {
			named[name] = true
		}
	}
	for _, f := range collector.Factories {
		if !named[f.Name] {
			t.Errorf("collector %s has no row in the README's request-cost table", f.Name)
		}
	}
}

// between is the text from the first start to the first end after it.
func between(text, start, end string) string {
	_, after, _ := strings.Cut(text, start)
	inside, _, _ := strings.Cut(after, end)
	return inside
}

// TestANearlyEmptyAccountCostsWhatTheREADMESays refreshes every kind the
// default collectors need, for an account of three Droplets: every list
// costs one request even when empty, and details cost nothing without
// objects. The README states the figure.
func TestANearlyEmptyAccountCostsWhatTheREADMESays(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(\d+) list requests every 2 minutes and (\d+) detail requests every\s+15 minutes` +
		`[^,]*, about\s+(\d+) an hour`).FindSubmatch(readme)
	if m == nil {
		t.Fatal("the README does not say what a nearly empty account costs")
	}
	lists, details, hourly := atoi(t, m[1]), atoi(t, m[2]), atoi(t, m[3])
	if hourly != lists*30+details*4 {
		t.Errorf("the README's %d an hour is not %d lists 30 times and %d details 4 times", hourly, lists, details)
	}
	api := startFakeAPI(t, "dop_v1_cost_test_token", fakeapi.Generate(fakeapi.Size{fakeapi.Droplets: 3}))
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
		t.Errorf("one refresh with the default collectors sent %d requests, the README says %d and %d", got, lists, details)
	}
}

func atoi(t *testing.T, digits []byte) int {
	n, err := strconv.Atoi(string(digits))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
