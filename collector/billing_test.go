package collector

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func TestLargestGroupsAndTheOthers(t *testing.T) {
	byGroup := map[string]float64{}
	for i := 1; i <= 60; i++ {
		byGroup[fmt.Sprintf("cluster-%02d", i)] = float64(i)
	}
	kept := largestGroups(byGroup, maxGroups)
	if len(kept) != maxGroups+1 {
		t.Fatalf("%d series, want the 50 largest and other", len(kept))
	}
	if kept["cluster-60"] != 60 || kept["cluster-11"] != 11 || kept[otherGroup] != 55 { // 1+2+...+10
		t.Errorf("kept %v", kept)
	}
	if _, ok := kept["cluster-10"]; ok {
		t.Error("the 51st largest group has a series of its own")
	}
	few := largestGroups(map[string]float64{"a": 1, "b": 2}, maxGroups)
	if len(few) != 2 || few[otherGroup] != 0 {
		t.Errorf("two groups: %v, want no other", few)
	}
	total := 0.0
	for _, v := range kept {
		total += v
	}
	if total != 60*61/2 {
		t.Errorf("the series add up to %v, want every group's %v", total, 60*61/2)
	}
}

func TestBudgetAndForecast(t *testing.T) {
	generated := time.Date(2026, time.June, 16, 0, 0, 0, 0, time.UTC) // half of June
	s := inventory.NewSnapshot("prod", generated,
		inventory.Balances.With([]inventory.Balance{{
			MonthToDateUsage: inventory.Amount{Dollars: 400, Known: true}, AccountBalance: inventory.Amount{Dollars: -20, Known: true},
			GeneratedAt: generated,
		}}))
	s.Settings.MonthlyBudget = 750
	want := `
# HELP digitalocean_budget_forecast_month_dollars The month-to-date usage projected linearly to the end of the month (UTC), in dollars: usage times the month's length over the time passed; absent during a month's first day.
# TYPE digitalocean_budget_forecast_month_dollars gauge
digitalocean_budget_forecast_month_dollars{account="prod"} 800
# HELP digitalocean_budget_monthly_dollars The account's monthly budget in dollars, as the config file sets it (monthly_budget_dollars).
# TYPE digitalocean_budget_monthly_dollars gauge
digitalocean_budget_monthly_dollars{account="prod"} 750
# HELP digitalocean_balance_account_balance_dollars Balance of the account before this month's usage in dollars: what it owes, or below zero its credit.
# TYPE digitalocean_balance_account_balance_dollars gauge
digitalocean_balance_account_balance_dollars{account="prod"} -20
# HELP digitalocean_balance_month_to_date_balance_dollars Balance of the account with this month's usage so far, in dollars.
# TYPE digitalocean_balance_month_to_date_balance_dollars gauge
`
	err := testutil.CollectAndCompare(newBillingCollector(staticSource{s}), strings.NewReader(want),
		"digitalocean_budget_forecast_month_dollars", "digitalocean_budget_monthly_dollars",
		"digitalocean_balance_account_balance_dollars", "digitalocean_balance_month_to_date_balance_dollars")
	if err != nil {
		t.Error(err) // the month-to-date balance is unknown: absent
	}
}

// TestBudgetWithoutBilling: a budget is configuration, there before (and
// without) any billing data; nothing else is.
func TestBudgetWithoutBilling(t *testing.T) {
	s := &inventory.Snapshot{Account: "prod", Settings: inventory.Settings{MonthlyBudget: 100}, Status: map[string]inventory.Status{
		inventory.KindBalance: {Refreshes: 1, Reason: inventory.ReasonForbidden},
	}}
	if text := collectText(t, newBillingCollector(staticSource{s})); strings.Count(text, "\ndigitalocean_") != 1 ||
		!strings.Contains(text, `digitalocean_budget_monthly_dollars{account="prod"} 100`) {
		t.Errorf("got\n%s", text)
	}
	s.Settings.MonthlyBudget = 0
	if n := testutil.CollectAndCount(newBillingCollector(staticSource{s})); n != 0 {
		t.Errorf("no budget, no billing: %d series", n)
	}
}
