package e2e

import (
	"encoding/json"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// answers are the API's answers the cost figures are worked out from.
type answers struct {
	droplets, clusters, sizes, apps, instanceSizes []map[string]any
	volumes, reservedIPs, snapshots, loadBalancers []map[string]any
	balance                                        map[string]any
	dataPoints                                     []map[string]any
}

// apiClient reads the fake API as a person would with curl.
type apiClient struct{ url, token string }

func (c apiClient) get(t *testing.T, target string) map[string]any {
	t.Helper()
	if !strings.HasPrefix(target, "http") {
		target = c.url + target
	}
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := testtool.Client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", target, resp.StatusCode, err)
	}
	return body
}

// all reads every page of a list, following the links the API gives.
func (c apiClient) all(t *testing.T, path, key string) []map[string]any {
	t.Helper()
	var items []map[string]any
	for target := path + "?per_page=200"; target != ""; {
		if strings.Contains(path, "?") {
			target = strings.Replace(target, "?per_page", "&per_page", 1)
		}
		body := c.get(t, target)
		for _, item := range asList(body[key]) {
			items = append(items, asObject(item))
		}
		target = asText(asObject(asObject(body["links"])["pages"])["next"])
	}
	return items
}

// readAnswers reads every list the figures need, and the billing insights
// pages at the paths given.
func readAnswers(t *testing.T, c apiClient, insightsPaths []string) *answers {
	a := &answers{
		droplets:      append(c.all(t, "/v2/droplets", "droplets"), c.all(t, "/v2/droplets?type=gpus", "droplets")...),
		clusters:      c.all(t, "/v2/kubernetes/clusters", "kubernetes_clusters"),
		sizes:         c.all(t, "/v2/sizes", "sizes"),
		apps:          c.all(t, "/v2/apps", "apps"),
		volumes:       c.all(t, "/v2/volumes", "volumes"),
		reservedIPs:   append(c.all(t, "/v2/reserved_ips", "reserved_ips"), c.all(t, "/v2/reserved_ipv6", "reserved_ipv6s")...),
		snapshots:     c.all(t, "/v2/snapshots", "snapshots"),
		loadBalancers: c.all(t, "/v2/load_balancers", "load_balancers"),
		balance:       c.get(t, "/v2/customers/my/balance"),
	}
	for _, s := range asList(c.get(t, "/v2/apps/tiers/instance_sizes")["instance_sizes"]) {
		a.instanceSizes = append(a.instanceSizes, asObject(s))
	}
	for _, path := range insightsPaths {
		for _, p := range asList(c.get(t, path)["data_points"]) {
			a.dataPoints = append(a.dataPoints, asObject(p))
		}
	}
	return a
}

// scrape reads the exporter's series of one account: by metric, then by
// labels but account.
func scrape(t *testing.T, e *exporter, account string) map[string]figures {
	t.Helper()
	_, body := e.get(t, "/metrics")
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]figures{}
	for name, mf := range families {
		out[name] = figures{}
		for _, m := range mf.GetMetric() {
			var pairs []string
			mine := false
			for _, l := range m.GetLabel() {
				if l.GetName() == "account" {
					mine = l.GetValue() == account
				} else {
					pairs = append(pairs, l.GetName(), l.GetValue())
				}
			}
			if mine {
				out[name][labels(pairs...)] = m.GetGauge().GetValue()
			}
		}
	}
	return out
}

// compareFigures wants exactly the series expected, each with its value.
func compareFigures(t *testing.T, got, want figures) {
	t.Helper()
	for key, w := range want {
		g, ok := got[key]
		switch {
		case !ok:
			t.Errorf("{%s}: no series, want %v", key, w)
		case math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)):
			t.Errorf("{%s} = %v, want %v", key, g, w)
		}
	}
	for key, g := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("{%s} = %v, which the API's answers do not give", key, g)
		}
	}
}

// checkFigures compares every cost figure of the account with what the
// API's answers give; the forecast and the balance's time only when the
// balance read is the exporter's own (a clock that stands still).
func checkFigures(t *testing.T, got map[string]figures, a *answers, budget float64, sameBalance bool) {
	byRegion, byTag, unpriced := a.estimates()
	resources, dollars, info := a.wasteFigures(time.Now())
	bySKU, byGroup := a.billed()
	want := map[string]figures{
		"digitalocean_droplet_price_monthly_dollars":              a.dropletPrices("price_monthly"),
		"digitalocean_droplet_price_hourly_dollars":               a.dropletPrices("price_hourly"),
		"digitalocean_kubernetes_node_pool_price_monthly_dollars": a.nodePoolPrices(),
		"digitalocean_app_price_monthly_dollars":                  a.appPrices(),
		"digitalocean_cost_estimate_monthly_dollars":              byRegion,
		"digitalocean_tag_cost_estimate_monthly_dollars":          byTag,
		"digitalocean_cost_unpriced_workloads":                    unpriced,
		"digitalocean_waste_resources":                            resources,
		"digitalocean_waste_monthly_dollars":                      dollars,
		"digitalocean_billing_month_to_date_dollars":              bySKU,
		"digitalocean_billing_month_to_date_by_group_dollars":     byGroup,
		"digitalocean_budget_monthly_dollars":                     {"": budget},
	}
	for metric, f := range a.balanceFigures() {
		if sameBalance || !strings.Contains(metric, "generated") && !strings.Contains(metric, "forecast") {
			want[metric] = f
		}
	}
	for metric, w := range want {
		t.Run(metric, func(t *testing.T) { compareFigures(t, got[metric], w) })
	}
	t.Run("digitalocean_waste_resource_info", func(t *testing.T) {
		wasteInfo := figures{}
		for key := range got["digitalocean_waste_resource_info"] {
			wasteInfo[regexp.MustCompile(`,name=[^,]*|,region=[^,]*`).ReplaceAllString(key, "")] = 1
		}
		compareFigures(t, wasteInfo, info)
	})
	if len(a.dataPoints) == 0 || len(bySKU) == 0 || len(byRegion) == 0 || resources[labels("kind", "droplets", "reason", "droplet_off")]+
		resources[labels("kind", "volumes", "reason", "volume_unattached")] == 0 {
		t.Errorf("the account bills nothing, prices nothing or wastes nothing: the test would prove little")
	}
}

// insightsPaths are the billing insights pages the exporter asked for.
func insightsPaths(api *fakeapi.Server) []string {
	var paths []string
	for _, r := range api.Requests() {
		if target := r.Path + "?" + r.RawQuery; strings.Contains(r.Path, "/insights/") && !slices.Contains(paths, target) {
			paths = append(paths, target)
		}
	}
	return paths
}

// TestCostFiguresFromTheAPI: against the fake API, holding the API's
// examples or the demo account, every cost figure the exporter serves is
// what a person works out from the same answers. The account is in a
// config file with a budget; the examples' names an organization.
func TestCostFiguresFromTheAPI(t *testing.T) {
	t.Parallel()
	const organization = "6a1b2c3d-0000-4000-8000-000000000001"
	for name, acct := range map[string]fakeapi.Account{"examples": fakeapi.Examples(), "demo": fakeapi.Demo()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			api := testtool.FakeAPI(t, "dop_v1_acme", acct)
			now := time.Now().UTC().Truncate(time.Second)
			api.SetClock(func() time.Time { return now })
			config := "accounts:\n  - name: acme\n    token_env: ACME_TOKEN\n    monthly_budget_dollars: 1234.5\n"
			if name == "examples" {
				config += "    organization_uuid: " + organization + "\n"
			}
			configFile := filepath.Join(t.TempDir(), "accounts.yml")
			os.WriteFile(configFile, []byte(config), 0o600)
			e := startExporter(t, map[string]string{"ACME_TOKEN": "dop_v1_acme"},
				"--config.file="+configFile, "--digitalocean.api-url="+api.URL)
			e.waitFor(t, "/-/ready", http.StatusOK)

			got := scrape(t, e, "acme")
			paths := insightsPaths(api)
			wantURN := map[string]string{"examples": "do:teamgroup:" + organization, "demo": "do:team:"}[name]
			for _, path := range paths {
				if !strings.HasPrefix(path, "/v2/billing/"+wantURN) {
					t.Errorf("insights read at %s, want %s...", path, wantURN)
				}
			}
			checkFigures(t, got, readAnswers(t, apiClient{api.URL, "dop_v1_acme"}, paths), 1234.5, true)
		})
	}
}

// TestCostFiguresInDemo runs --demo as a user would: its figures are those
// of its own fake API's answers, and its budget the demo's. The demo's
// balance is made at each request, to the second, so its time and the
// forecast from it are checked above, with a clock that stands still.
func TestCostFiguresInDemo(t *testing.T) {
	t.Parallel()
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	m := regexp.MustCompile(`api_url=(http://127\.0\.0\.1:\d+)`).FindStringSubmatch(e.logs.String())
	if m == nil {
		t.Fatal("the log does not say where the demo's API is")
	}
	c := apiClient{m[1], fakeapi.DemoToken}
	team := asText(asObject(c.get(t, "/v2/account")["account"])["team"].(map[string]any)["uuid"])
	today := time.Now().UTC()
	month := "/insights/" + today.Format("2006-01") + "-01/" + today.Format(time.DateOnly)
	first := c.get(t, "/v2/billing/do:team:"+team+month+"?page=1&per_page=200")
	var paths []string
	for page := 1; page <= int(asNumber(first["total_pages"])); page++ {
		paths = append(paths, "/v2/billing/do:team:"+team+month+"?page="+strconv.Itoa(page)+"&per_page=200")
	}
	checkFigures(t, scrape(t, e, "default"), readAnswers(t, c, paths), fakeapi.DemoMonthlyBudget, false)
}

// TestWithoutBillingScope: a token without billing:read keeps the list
// prices and the waste, loses only the billing series, and the log says
// once which scope is missing.
func TestWithoutBillingScope(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, "dop_v1_narrow", fakeapi.Examples())
	api.SetFault("/v2/customers/my/balance", fakeapi.Fault{Status: http.StatusForbidden})
	api.SetFault("/v2/billing/{id}/insights/{start_date}/{end_date}", fakeapi.Fault{Status: http.StatusForbidden})
	e := startExporter(t, map[string]string{"DIGITALOCEAN_TOKEN": "dop_v1_narrow"}, "--digitalocean.api-url="+api.URL)
	e.waitFor(t, "/-/ready", http.StatusOK)
	got := scrape(t, e, "default")
	for metric, series := range got {
		billing := strings.HasPrefix(metric, "digitalocean_balance_") || strings.HasPrefix(metric, "digitalocean_billing_") ||
			strings.HasPrefix(metric, "digitalocean_budget_")
		if billing && len(series) > 0 {
			t.Errorf("%s: %v without billing:read", metric, series)
		}
	}
	for _, metric := range []string{"digitalocean_droplet_price_monthly_dollars", "digitalocean_app_price_monthly_dollars",
		"digitalocean_cost_estimate_monthly_dollars", "digitalocean_waste_resources", "digitalocean_waste_resource_info"} {
		if len(got[metric]) == 0 {
			t.Errorf("%s went with the billing scope", metric)
		}
	}
	for _, resource := range []string{"balance", "billing_insights"} {
		if v, ok := got["digitalocean_refresh_success"][labels("resource", resource)]; !ok || v != 0 {
			t.Errorf("%s: refresh success %v, %v; want 0", resource, v, ok)
		}
	}
	failing := 0
	for _, v := range got["digitalocean_refresh_success"] {
		if v == 0 {
			failing++
		}
	}
	logs := e.logs.String()
	if failing != 2 || strings.Count(logs, "missing_scope=") != 1 || strings.Count(logs, "missing_scope=billing:read") != 1 {
		t.Errorf("%d kinds failing, want the two billing ones; the log should name billing:read once:\n%s", failing, logs)
	}
}
