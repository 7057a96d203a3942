package e2e

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/dashboards"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// allowedEmpty lists the panels whose queries find nothing on the demo
// account, by dashboard file and panel title, and why. A listed panel that
// does return data fails the test, so the list cannot go stale.
var allowedEmpty = map[string]string{
	"fleet-overview.json/Refreshes failing":          "nothing fails on the demo",
	"fleet-overview.json/Created in the last 7 days": "the demo's workloads were all created in 2024 and 2025",
	"exporter-health.json/Accounts down":             "the demo's token is accepted",
	"exporter-health.json/Refreshes failing":         "nothing fails on the demo",
	"exporter-health.json/Refresh errors by reason":  "nothing fails on the demo",
	"exporter-health.json/Failed API requests":       "the demo API answers every request with 200",
	"databases.json/Not online":                      "every demo database is online",
}

// emptyToday says why a query that reads a metric absent on some days may
// be empty at now: the forecast of a month's usage during its first day.
func emptyToday(expr string, now time.Time) string {
	if strings.Contains(expr, "digitalocean_budget_forecast_month_dollars") && now.UTC().Day() == 1 {
		return "no forecast during a month's first day (UTC)"
	}
	return ""
}

// dashboardRange stands for $__range: shorter than the history the test
// waits for, so that "offset $__range" finds data.
const dashboardRange = "4s"

var panelVariables = map[string]string{
	"account": ".*", "region": ".*", "geography": ".*", "tag": ".*",
	"__rate_interval": "1m", "__interval": "15s", "__range": dashboardRange,
}

// TestDashboardQueriesAgainstPrometheus runs Debian's Prometheus against
// the exporter in --demo mode and every query of every dashboard through
// its HTTP API: each must parse, and return data unless its metrics are
// not exposed yet or it is listed in allowedEmpty. The collectors of the
// Monitoring API, off by default, are on, bandwidth included: a round reads
// the first Droplet, app and load balancer at once.
func TestDashboardQueriesAgainstPrometheus(t *testing.T) {
	t.Parallel()
	binary := testtool.Find(t, "prometheus", "prometheus")
	e := startExporter(t, nil, append([]string{"--demo", "--monitoring.droplet-metrics=" + strings.Join(inventory.DropletMetricGroups(), ",")},
		monitoringFlags...)...)
	e.waitFor(t, "/-/ready", http.StatusOK)
	prom := startPrometheus(t, binary, strings.TrimPrefix(e.url, "http://"))
	prom.waitForHistory(t, 6)

	_, metrics := e.get(t, "/metrics")
	exposed := map[string]bool{}
	for _, name := range regexp.MustCompile(`(?m)^# TYPE (\S+)`).FindAllStringSubmatch(metrics, -1) {
		exposed[name[1]] = true
	}
	files, _ := fs.Glob(dashboards.Files, "*.json")
	for _, file := range files {
		raw, _ := fs.ReadFile(dashboards.Files, file)
		var d struct {
			Panels []struct {
				Title   string
				Targets []struct{ Expr string }
			}
			Templating struct {
				List []struct{ Name, Definition string }
			}
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, v := range d.Templating.List {
			if v.Definition != "" {
				checkQuery(t, prom, file+"/$"+v.Name, v.Definition, exposed)
			}
		}
		for _, p := range d.Panels {
			for _, target := range p.Targets {
				checkQuery(t, prom, file+"/"+p.Title, target.Expr, exposed)
			}
		}
	}
	for _, region := range []string{"nyc1", "nyc"} {
		checkRegionFilter(t, prom, e, region)
	}
}

// checkRegionFilter chooses a region on the fleet overview as a person
// would: its hidden geography variable, evaluated by Prometheus and cut by
// its regex as Grafana does, brings in the apps of that region's
// geography, and the Droplets and Apps stats count what /inventory lists
// for the same region filter.
func checkRegionFilter(t *testing.T, prom *promServer, e *exporter, region string) {
	t.Helper()
	raw, _ := fs.ReadFile(dashboards.Files, "fleet-overview.json")
	var d struct {
		Panels []struct {
			Title   string
			Targets []struct{ Expr string }
		}
		Templating struct {
			List []struct{ Name, Definition, Regex string }
		}
	}
	json.Unmarshal(raw, &d)
	variables := map[string]string{"account": ".*", "tag": ".*", "region": region}
	for _, v := range d.Templating.List {
		if v.Name != "geography" {
			continue
		}
		data, err := prom.query(interpolateWith(t, v.Definition, variables))
		var values []string
		if err != nil || json.Unmarshal(data, &values) != nil {
			t.Fatalf("geography for region %s: %v", region, err)
		}
		geographies := map[string]bool{}
		cut := regexp.MustCompile(strings.Trim(v.Regex, "/"))
		for _, value := range values {
			if m := cut.FindStringSubmatch(value); m != nil {
				geographies[m[1]] = true
			}
		}
		variables["geography"] = "(" + strings.Join(slices.Sorted(maps.Keys(geographies)), "|") + ")"
	}
	for _, p := range d.Panels {
		kind := map[string]string{"Droplets": "droplets", "Apps": "apps"}[p.Title]
		if kind == "" {
			continue
		}
		data, err := prom.query(interpolateWith(t, p.Targets[0].Expr, variables))
		var result struct{ Result []struct{ Value [2]any } }
		if err != nil || json.Unmarshal(data, &result) != nil || len(result.Result) != 1 {
			t.Errorf("%s with region %s: %v, %s", p.Title, region, err, data)
			continue
		}
		want := len(e.inventory(t, "?kind="+kind+"&region="+region).Workloads)
		if got := result.Result[0].Value[1]; got != fmt.Sprint(want) || want == 0 {
			t.Errorf("%s with region %s: the dashboard counts %v, /inventory lists %d (geography %s)",
				p.Title, region, got, want, variables["geography"])
		}
	}
}

func checkQuery(t *testing.T, prom *promServer, panel, expr string, exposed map[string]bool) {
	t.Helper()
	expr = interpolate(t, expr)
	n, err := prom.count(expr)
	allowed := cmp.Or(allowedEmpty[panel], emptyToday(expr, time.Now()))
	switch missing := missingMetrics(expr, exposed); {
	case err != nil:
		t.Errorf("%s: %v\n\t%s", panel, err, expr)
	case len(missing) > 0:
		t.Logf("%s: %d results; allowed to be empty: %s not exposed yet", panel, n, strings.Join(missing, ", "))
	case n == 0 && allowed == "":
		t.Errorf("%s: no data\n\t%s", panel, expr)
	case n == 0:
		t.Logf("%s: empty, as allowed: %s", panel, allowed)
	case allowedEmpty[panel] != "":
		t.Errorf("%s: %d results, but allowedEmpty says it is empty on the demo; update the list", panel, n)
	}
}

// interpolate replaces Grafana's variables in a query as "All" would.
// $1 and the like (label_replace's groups) stay; an unknown name fails.
func interpolate(t *testing.T, expr string) string { return interpolateWith(t, expr, panelVariables) }

func interpolateWith(t *testing.T, expr string, variables map[string]string) string {
	return regexp.MustCompile(`\$\{?(\w+)\}?`).ReplaceAllStringFunc(expr, func(v string) string {
		name := strings.Trim(v, "${}")
		if value, ok := variables[name]; ok {
			return value
		}
		if name[0] < '0' || name[0] > '9' {
			t.Errorf("unknown variable %s in %s", v, expr)
		}
		return v
	})
}

// missingMetrics lists the digitalocean_ metrics a query names, spelled out
// or as a __name__ regexp, that the exporter does not expose.
func missingMetrics(expr string, exposed map[string]bool) []string {
	var missing []string
	nameMatchers := regexp.MustCompile(`__name__=~"([^"]+)"`)
	for _, m := range nameMatchers.FindAllStringSubmatch(expr, -1) {
		re := regexp.MustCompile("^(?:" + m[1] + ")$")
		if !slices.ContainsFunc(keys(exposed), re.MatchString) {
			missing = append(missing, m[1])
		}
	}
	for _, name := range regexp.MustCompile(`\bdigitalocean_[a-z_]*[a-z]\b`).FindAllString(nameMatchers.ReplaceAllString(expr, ""), -1) {
		if !exposed[name] && !slices.Contains(missing, name) {
			missing = append(missing, name)
		}
	}
	return missing
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
