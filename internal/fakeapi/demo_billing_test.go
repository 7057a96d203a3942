package fakeapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

// insightsPage is one answer of the billing insights route.
type insightsPage struct {
	DataPoints []struct {
		URN    string `json:"usage_team_urn"`
		Date   string `json:"start_date"`
		Amount string `json:"total_amount"`
		Region string `json:"region"`
		SKU    string `json:"sku"`
		Group  string `json:"group_description"`
	} `json:"data_points"`
	TotalItems  int `json:"total_items"`
	TotalPages  int `json:"total_pages"`
	CurrentPage int `json:"current_page"`
}

func getInsights(t *testing.T, s *Server, urn, start, end string, page int) insightsPage {
	t.Helper()
	r := get(t, s, fmt.Sprintf("/v2/billing/%s/insights/%s/%s?per_page=200&page=%d", urn, start, end, page))
	var body insightsPage
	if r.status != http.StatusOK || json.Unmarshal(r.body, &body) != nil {
		t.Fatalf("%d %.300s", r.status, r.body)
	}
	return body
}

// TestDemoBillingAgrees: the insights of the days so far add up to the
// balance's month to date, page after page, and nothing is billed for days
// still to come.
func TestDemoBillingAgrees(t *testing.T) {
	s := newTestServer(t, Demo())
	now := time.Date(2026, time.February, 10, 15, 4, 5, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	team := "do:team:" + hexID("team")

	var total int64
	days := map[string]bool{}
	first := getInsights(t, s, team, "2026-02-01", "2026-02-28", 1)
	if first.TotalPages < 2 || first.TotalItems <= 200 {
		t.Fatalf("%d items on %d pages; the demo's month should take several pages", first.TotalItems, first.TotalPages)
	}
	items := 0
	for page := 1; page <= first.TotalPages; page++ {
		body := getInsights(t, s, team, "2026-02-01", "2026-02-28", page)
		if body.CurrentPage != page || body.TotalPages != first.TotalPages || body.TotalItems != first.TotalItems {
			t.Errorf("page %d says page %d of %d, %d items", page, body.CurrentPage, body.TotalPages, body.TotalItems)
		}
		for _, p := range body.DataPoints {
			total += cents(p.Amount)
			days[p.Date] = true
			items++
			if p.URN != team || p.SKU == "" || p.Region == "" || dollars(cents(p.Amount)) != p.Amount {
				t.Errorf("data point %+v", p)
			}
		}
	}
	if items != first.TotalItems || len(days) != 10 || !days["2026-02-10"] || days["2026-02-11"] {
		t.Errorf("%d items of %d, on days %v; want the 1st to the 10th", items, first.TotalItems, days)
	}

	balance, _, err := newGodo(t, s).Balance.Get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cents(balance.MonthToDateUsage) != total || balance.MonthToDateBalance != balance.MonthToDateUsage ||
		balance.AccountBalance != "0.00" || !balance.GeneratedAt.Equal(now) {
		t.Errorf("balance %+v; the insights so far add up to %s", balance, dollars(total))
	}
}

// TestDemoBillIsWhatTheAccountHolds: a day's bill has the demo's droplets at
// their hourly prices, its clusters' node pools grouped by cluster, and its
// apps, volumes and load balancers.
func TestDemoBillIsWhatTheAccountHolds(t *testing.T) {
	demo := Demo()
	var droplets int64
	for _, d := range append(demo.Lists[Droplets], demo.Lists[GPUDroplets]...) {
		droplets += centsOf(number(object(d, "size")["price_hourly"]) * 24)
	}
	bySKU, groups := map[string]int64{}, map[string]bool{}
	for _, p := range demo.Lists[BillingInsights] {
		bySKU[p["sku"].(string)[:8]] += cents(p["total_amount"].(string))
		groups[p["group_description"].(string)] = true
	}
	if bySKU["1-DO-DRO"] != droplets {
		t.Errorf("droplets billed %s a day, want %s", dollars(bySKU["1-DO-DRO"]), dollars(droplets))
	}
	for _, sku := range []string{"1-KS-K8S", "1-AP-app", "1-DO-BLO", "1-DO-LB-"} {
		if bySKU[sku] <= 0 {
			t.Errorf("nothing billed for %s: %v", sku, bySKU)
		}
	}
	for _, c := range demo.Lists[Clusters] {
		if !groups[c["name"].(string)] {
			t.Errorf("cluster %s is no invoice item group", c["name"])
		}
	}
}

func TestInsightsRouteChecksItsRequest(t *testing.T) {
	s := newTestServer(t, Examples())
	s.SetClock(func() time.Time { return time.Date(2025, time.January, 31, 23, 0, 0, 0, time.UTC) })
	team := "do:team:5df3e3004a17e242b7c20ca6c9fc25b701a47ece" // account.json's team
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/v2/billing/" + team + "/insights/2025-01-01/2025-01-31", http.StatusOK},
		{"/v2/billing/do:teamgroup:any-organization/insights/2025-01-01/2025-01-01", http.StatusOK},
		{"/v2/billing/" + team + "/insights/2025-01-01/2025-02-01", http.StatusOK},         // 31 days
		{"/v2/billing/" + team + "/insights/2025-01-01/2025-02-02", http.StatusBadRequest}, // 32 days
		{"/v2/billing/" + team + "/insights/2025-01-31/2025-01-01", http.StatusBadRequest},
		{"/v2/billing/" + team + "/insights/2025-1-1/2025-01-31", http.StatusBadRequest},
		{"/v2/billing/" + team + "/insights/2025-01-01/tomorrow", http.StatusBadRequest},
		{"/v2/billing/do:team:someone-else/insights/2025-01-01/2025-01-31", http.StatusNotFound},
		{"/v2/billing/" + team + "/insights/2025-01-01", http.StatusNotFound},
	} {
		if r := get(t, s, tc.path); r.status != tc.status {
			t.Errorf("%s: %d %.200s, want %d", tc.path, r.status, r.body, tc.status)
		}
	}
	// The example's two data points, once a day: 31 days in January, and
	// nothing after the clock's today.
	body := getInsights(t, s, team, "2025-01-01", "2025-02-01", 1)
	if body.TotalItems != 62 || body.TotalPages != 1 || len(body.DataPoints) != 62 {
		t.Errorf("%d items on %d pages, want 62 on 1", body.TotalItems, body.TotalPages)
	}
	if past := getInsights(t, s, team, "2025-01-01", "2025-02-01", 2); len(past.DataPoints) != 0 || past.CurrentPage != 2 {
		t.Errorf("a page past the end: %+v", past)
	}
}

func TestPriceLists(t *testing.T) {
	demo := Demo()
	client := newGodo(t, newTestServer(t, demo))
	sizes, resp, err := client.Sizes.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || resp.Meta == nil || resp.Meta.Total != len(dropletSizes) {
		t.Fatalf("%d sizes (%v)", len(sizes), err)
	}
	priced := map[string]float64{}
	for _, s := range sizes {
		priced[s.Slug] = s.PriceMonthly
		if s.PriceHourly != hourlyPrice(s.PriceMonthly) || len(s.Regions) != len(regions) {
			t.Errorf("%s: %+v", s.Slug, s)
		}
	}
	for _, d := range demo.Lists[Droplets] {
		if slug := d["size_slug"].(string); priced[slug] != object(d, "size")["price_monthly"] {
			t.Errorf("droplet %s: size %s costs %v in the sizes list", d["name"], slug, priced[slug])
		}
	}
	for _, c := range demo.Lists[Clusters] {
		for _, p := range c["node_pools"].([]any) {
			if slug := p.(map[string]any)["size"].(string); priced[slug] == 0 {
				t.Errorf("node pool size %s has no price", slug)
			}
		}
	}
	instanceSizes, _, err := client.Apps.ListInstanceSizes(context.Background())
	if err != nil || len(instanceSizes) != 14 {
		t.Fatalf("%d instance sizes (%v), want the example's 14", len(instanceSizes), err)
	}
}
