package dashboards

func exporterHealthDashboard() spec {
	of := func(metric string) string { return metric + "{" + byAccount + "}" }
	requests := func(by, matchers string) string {
		return "sum by (" + by + ") (rate(digitalocean_api_requests_total{" + byAccount + matchers + "}[$__rate_interval]))"
	}
	return spec{
		file: "exporter-health.json", uid: "digitalocean-exporter-health", title: "DigitalOcean / Exporter health",
		description: "Whether the exporter's data is fresh: refresh age and errors by reason, API requests and the token's rate limit. " +
			"Its metrics are per account and resource kind, so it filters by account only. Of a pair of exporters, it shows the " +
			"older data and the failed refresh; the API row adds up what both ask of the API.",
		variables: []variable{accountVariable()},
		rows: []row{
			{panels: []*panel{
				alarm("Accounts down", "Accounts whose token the API refused, or that the API did not answer.",
					query{"count(" + lowest(of("digitalocean_up")) + " == 0)", ""}),
				alarm("Refreshes failing", "Resource kinds whose last refresh failed.", query{"count(" + lowest(of("digitalocean_refresh_success")) + " == 0)", ""}),
				stat("Oldest data", "", "s", query{"max(time() - " + of("digitalocean_refresh_last_success_timestamp_seconds") + ")", ""}),
				stat("Rate limit remaining", "Requests left in the token's current window; the lowest of the accounts.", "none",
					query{"min(" + of("digitalocean_api_rate_limit_remaining") + ")", ""}),
				withUnit("percentunit", stat("Rate limit used", "", "percentunit", query{"max(1 - " + of("digitalocean_api_rate_limit_remaining") +
					" / " + of("digitalocean_api_rate_limit_limit") + ")", ""})),
				stat("Rate limit window resets in", "", "s",
					query{"max(" + of("digitalocean_api_rate_limit_reset_timestamp_seconds") + " - time())", ""}),
			}},
			{title: "Refreshes", panels: []*panel{
				timeseries("Age of data", "Time since each kind was last refreshed successfully.", "s",
					query{one("time() - " + of("digitalocean_refresh_last_success_timestamp_seconds")), "{{account}} {{resource}}"}),
				timeseries("Refresh errors by reason", "Failed refreshes per resource kind and reason.", "none",
					query{"sum by (resource, reason) (" + one("increase("+of("digitalocean_refresh_errors_total")+"[$__rate_interval])") + ") > 0", "{{resource}} {{reason}}"}),
				timeseries("Refresh duration", "", "s", query{one(of("digitalocean_refresh_duration_seconds")), "{{account}} {{resource}}"}),
				timeseries("Last refresh worked", "1 when the last refresh of the kind worked.", "none",
					query{lowest(of("digitalocean_refresh_success")), "{{account}} {{resource}}"}),
				timeseries("Refresh interval", "The interval each kind now refreshes at: the configured one, stretched to stay within the request budget.", "s",
					query{one(of("digitalocean_refresh_interval_seconds")), "{{account}} {{resource}}"}),
				timeseries("Monitoring coverage", "Resources the Monitoring API is read for, by the state of the last round: "+
					"covered, skipped_no_agent, or skipped_budget (read in a later round).", "none",
					query{"sum by (kind, state) (" + one(`digitalocean_monitoring_resources{`+byAccount+`, state!="selected"}`) + ")", "{{kind}} {{state}}"}),
			}},
			{title: "API", panels: []*panel{
				timeseries("API requests by endpoint", "", "reqps", query{requests("endpoint", ""), "{{endpoint}}"}),
				timeseries("API requests by status", "", "reqps", query{requests("code", ""), "{{code}}"}),
				timeseries("Failed API requests", "Requests answered with anything but 2xx, or not answered (code error).", "reqps",
					query{requests("endpoint, code", `, code!~"2.."`) + " > 0", "{{endpoint}} {{code}}"}),
				timeseries("Rate limit", "", "none",
					query{lowest(of("digitalocean_api_rate_limit_remaining")), "{{account}} remaining"},
					query{one(of("digitalocean_api_rate_limit_limit")), "{{account}} limit"}),
				timeseries("Pauses after a 429", "Times a 429 paused the account's requests; each exporter of a pair pauses on its own.", "none",
					query{"sum by (account) (increase(" + of("digitalocean_api_pauses_total") + "[$__rate_interval]))", "{{account}}"}),
			}},
		},
	}
}
