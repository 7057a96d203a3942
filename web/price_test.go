package web

import (
	"encoding/csv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestEachWorkloadShowsItsListPrice: the priced Droplet shows its price in
// /inventory, its CSV and the page; what the API does not price (the other
// Droplet, the cluster whose pools' sizes are not listed, a database)
// shows none, never 0.
func TestEachWorkloadShowsItsListPrice(t *testing.T) {
	src := staticSource{fleetSnapshot("prod")}
	fleet := decodeFleet(t, get(t, inventoryOf(src), "/inventory"))
	for _, r := range fleet.Workloads {
		switch {
		case r.Kind == "droplets" && r.ID == "2":
			if r.MonthlyPrice == nil || *r.MonthlyPrice != 12 {
				t.Errorf("droplet 2: price %v, want 12", r.MonthlyPrice)
			}
		case r.MonthlyPrice != nil:
			t.Errorf("%s %s: price %v, want none", r.Kind, r.ID, *r.MonthlyPrice)
		}
	}
	if body := get(t, inventoryOf(src), "/inventory?kind=databases").Body.String(); !strings.Contains(body, `"monthly_price_dollars": null`) {
		t.Errorf("an unpriced workload's price is not null: %s", body)
	}

	records, err := csv.NewReader(get(t, inventoryOf(src), "/inventory?format=csv&kind=droplets").Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	column := map[string]int{}
	for i, name := range records[0] {
		column[name] = i
	}
	if got := []string{records[1][column["monthly_price_dollars"]], records[2][column["monthly_price_dollars"]]}; got[0] != "" || got[1] != "12.00" {
		t.Errorf("CSV prices %q, want none and 12.00", got)
	}

	_, doc, _ := landing(t, src, "/")
	rows, _ := workloadRows(doc)
	prices := map[string]string{}
	for _, r := range rows {
		cells := find(r, func(n *html.Node) bool { return n.Data == "td" })
		name, _ := attr(cells[1], "title")
		last := cells[len(cells)-1]
		value, _ := attr(last, "data-value")
		prices[name] = text(last) + "|" + value
	}
	if prices["2"] != "$12.00|12.00" || prices["c-1"] != "|" {
		t.Errorf("the page's price column: %v", prices)
	}
}
