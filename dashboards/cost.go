package dashboards

// costDashboard: month to date against the budget and the forecast, what
// was billed by SKU, region and group, list prices by kind, region and
// tag, the most expensive workloads, and waste by reason with the
// resources behind it.
func costDashboard() spec {
	sum := func(metric string, matchers ...string) string {
		return "sum(" + one(selector(metric, append([]string{byAccount}, matchers...)...)) + ")"
	}
	sumBy := func(label, metric string, matchers ...string) query {
		return query{"sum by (" + label + ") (" + one(selector(metric, append([]string{byAccount}, matchers...)...)) + ")", "{{" + label + "}}"}
	}
	monthly := func(title, description string, q query) *panel { return stat(title, description, "currencyUSD", q) }
	return spec{
		file: "cost.json", uid: "digitalocean-cost", title: "DigitalOcean / Cost",
		description: "What the fleet costs and was billed this month, against the budget; list prices by kind, region and " +
			"tag; what is paid for and not used.",
		variables: append(append([]variable{accountVariable()}, regionVariables("digitalocean_cost_estimate_monthly_dollars")...),
			tagVariable("droplets|kubernetes")),
		rows: []row{
			{panels: []*panel{
				sized(8, 4, stat("This month", "Used so far as the balance says (before taxes and credits), the account's "+
					"monthly budget, and the usage projected to the month's end (none during its first day). Whole accounts.",
					"currencyUSD",
					query{sum("digitalocean_balance_month_to_date_usage_dollars"), "used"},
					query{sum("digitalocean_budget_monthly_dollars"), "budget"},
					query{sum("digitalocean_budget_forecast_month_dollars"), "forecast"})),
				monthly("List price a month", "Of the workloads the API prices: Droplets, Kubernetes node pools, apps; "+
					"nodes counted once, under their cluster.", query{sum("digitalocean_cost_estimate_monthly_dollars", byRegion), ""}),
				stat("Without a list price", "Workloads of the priced kinds whose price the API does not give (an app of static "+
					"sites only, say): not in the list prices.", "none", query{sum("digitalocean_cost_unpriced_workloads"), ""}),
				monthly("Waste a month", "List price of the waste the API prices: Droplets powered off, billed as if they ran.",
					query{sum("digitalocean_waste_monthly_dollars"), ""}),
				alarm("Wasted resources", "Resources paid for and not used, of every reason.", query{sum("digitalocean_waste_resources"), ""}),
			}},
			{title: "This month", panels: []*panel{
				timeseries("Used, budget and forecast", "Whole accounts: the balance has no region or tag.", "currencyUSD",
					query{"sum by (account) (" + one(selector("digitalocean_balance_month_to_date_usage_dollars", byAccount)) + ")", "{{account}} used"},
					query{"sum by (account) (" + one(selector("digitalocean_budget_monthly_dollars", byAccount)) + ")", "{{account}} budget"},
					query{"sum by (account) (" + one(selector("digitalocean_budget_forecast_month_dollars", byAccount)) + ")", "{{account}} forecast"}),
				bars("Billed by region", "From billing insights, this month so far (UTC).", "currencyUSD",
					sumBy("region", "digitalocean_billing_month_to_date_dollars", byRegion)),
				bars("Billed by SKU", "From billing insights, this month so far (UTC).", "currencyUSD",
					sumBy("sku", "digitalocean_billing_month_to_date_dollars", byRegion)),
				bars("Billed by group", "Invoice item groups, such as a Kubernetes cluster's name; the 50 largest, the rest as other.",
					"currencyUSD", sumBy("group", "digitalocean_billing_month_to_date_by_group_dollars")),
			}},
			{title: "List prices", panels: []*panel{
				bars("List price by kind", "", "currencyUSD", sumBy("kind", "digitalocean_cost_estimate_monthly_dollars", byRegion)),
				bars("List price by region", "Apps count under their geography (nyc).", "currencyUSD",
					sumBy("region", "digitalocean_cost_estimate_monthly_dollars", byRegion)),
				bars("List price by tag", "A workload with several tags counts fully under each. Apps carry no tags.", "currencyUSD",
					sumBy("tag", "digitalocean_tag_cost_estimate_monthly_dollars", `tag=~"$tag"`)),
				sized(12, 8, withUnit("currencyUSD", table("The most expensive workloads", "By list price a month; "+
					"a cluster's is the sum of its node pools.", "sort_desc(topk(20, "+priciest+"))",
					"a month", "kind", "name", "region", "account", "id"))),
			}},
			{title: "Waste", panels: []*panel{
				bars("Wasted resources by reason", "", "none", sumBy("reason", "digitalocean_waste_resources")),
				bars("Waste a month by reason", "Only Droplets powered off have a price in the API.", "currencyUSD",
					sumBy("reason", "digitalocean_waste_monthly_dollars")),
				sized(24, 10, table("Wasted resources", "Each resource paid for and not used; snapshots have no single region.",
					one(selector("digitalocean_waste_resource_info", byAccount, byRegion)), "",
					"reason", "kind", "name", "region", "account", "id")),
			}},
		},
	}
}

// priciest is every priced workload with its list price, kind, name and
// region: Droplets, clusters (their node pools summed) and apps.
var priciest = `label_replace(` + joined("digitalocean_droplet_price_monthly_dollars", droplets, "name", "region") +
	`, "kind", "Droplet", "", "") or label_replace(` +
	joined(`label_replace(sum by (account, cluster_id) (`+one("digitalocean_kubernetes_node_pool_price_monthly_dollars")+`), "id", "$1", "cluster_id", "(.*)")`,
		clusters, "name", "region") +
	`, "kind", "Kubernetes cluster", "", "") or label_replace(` + joined("digitalocean_app_price_monthly_dollars", apps, "name", "region") +
	`, "kind", "app", "", "")`
