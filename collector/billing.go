package collector

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// BillingName is the collector of what was billed: the balance, billing
// insights and the budget.
const BillingName = "billing"

// maxGroups bounds the series of the billed invoice item groups; the
// smaller groups are summed as otherGroup.
const (
	maxGroups  = 50
	otherGroup = "other"
)

var (
	balanceUsage = newDesc("balance", "month_to_date_usage_dollars",
		"Usage of the current billing period so far in dollars, as the balance says as of its generated time; "+
			"before taxes and credits.")
	balanceAccount = newDesc("balance", "account_balance_dollars",
		"Balance of the account before this month's usage in dollars: what it owes, or below zero its credit.")
	balanceMonthToDate = newDesc("balance", "month_to_date_balance_dollars",
		"Balance of the account with this month's usage so far, in dollars.")
	balanceGenerated = newDesc("balance", "generated_timestamp_seconds",
		"When the API computed the balance, in Unix seconds.")
	billingMonthToDate = newDesc("billing", "month_to_date_dollars",
		"Billed this month so far (UTC) in dollars by SKU and region, from billing insights: nightly invoice items, "+
			"before taxes and credits, which may differ from the month's invoice.", "sku", "region")
	billingByGroup = newDesc("billing", "month_to_date_by_group_dollars",
		"Billed this month so far (UTC) in dollars by invoice item group (a Kubernetes cluster's name, say), from "+
			"billing insights; items in no group are left out. Only the 50 largest groups have a series of their own: "+
			`the others are summed as group="other".`, "group")
	budgetMonthly = newDesc("budget", "monthly_dollars",
		"The account's monthly budget in dollars, as the config file sets it (monthly_budget_dollars).")
	budgetForecast = newDesc("budget", "forecast_month_dollars",
		"The month-to-date usage projected linearly to the end of the month (UTC), in dollars: usage times the "+
			"month's length over the time passed; absent during a month's first day.")
)

func newBillingCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectBilling, balanceUsage, balanceAccount, balanceMonthToDate, balanceGenerated,
		billingMonthToDate, billingByGroup, budgetMonthly, budgetForecast)
}

func collectBilling(out emit, s *inventory.Snapshot) {
	if budget := s.Settings.MonthlyBudget; budget > 0 {
		gauge(out, budgetMonthly, budget, s.Account)
	}
	if b := inventory.Balances.One(s); b != nil {
		collectBalance(out, s, b)
	}
	if m := inventory.BillingInsights.One(s); m != nil {
		for key, dollars := range m.BySKU {
			gauge(out, billingMonthToDate, dollars, s.Account, key.SKU, key.Region)
		}
		for group, dollars := range largestGroups(m.ByGroup, maxGroups) {
			gauge(out, billingByGroup, dollars, s.Account, group)
		}
	}
}

func collectBalance(out emit, s *inventory.Snapshot, b *inventory.Balance) {
	for desc, amount := range map[*prometheus.Desc]inventory.Amount{
		balanceUsage: b.MonthToDateUsage, balanceAccount: b.AccountBalance, balanceMonthToDate: b.MonthToDateBalance,
	} {
		if amount.Known {
			gauge(out, desc, amount.Dollars, s.Account)
		}
	}
	timestamp(out, balanceGenerated, b.GeneratedAt, s.Account)
	if forecast, ok := b.ForecastMonth(s.Status[inventory.KindBalance].LastSuccess); ok {
		gauge(out, budgetForecast, forecast, s.Account)
	}
}

// largestGroups keeps the n largest groups, ties by name, and sums the
// rest as otherGroup (with a group of that name, if there is one).
func largestGroups(byGroup map[string]float64, n int) map[string]float64 {
	names := slices.SortedFunc(maps.Keys(byGroup), func(a, b string) int {
		return cmp.Or(cmp.Compare(byGroup[b], byGroup[a]), strings.Compare(a, b))
	})
	kept := make(map[string]float64, min(len(names), n+1))
	for i, name := range names {
		if i < n {
			kept[name] += byGroup[name]
		} else {
			kept[otherGroup] += byGroup[name]
		}
	}
	return kept
}
