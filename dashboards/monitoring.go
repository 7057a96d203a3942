package dashboards

// Panels of the Monitoring API's metrics: off by default, so the rows say
// which collector fills them.

// coverage counts the account's resources of kind in a state of the
// monitoring's last round; not filtered by region or tag.
func coverage(kind, state string) query {
	return query{"sum(" + one(`digitalocean_monitoring_resources{`+byAccount+`, kind="`+kind+`", state="`+state+`"}`) + ")", ""}
}

// withMax draws a ratio of each object and, dashed, the largest it reached
// in each window read: a spike between two readings. of gives a metric's
// series, filtered and named.
func withMax(title, description, metric string, of func(metric string) string, legend string) *panel {
	p := timeseries(title, description+" Dashed: the largest in each window read, a spike between two readings.", "percentunit",
		query{of(metric), legend}, query{of(metric + "_max"), legend + " max"})
	p.FieldConfig.Overrides = []any{map[string]any{
		"matcher":    map[string]any{"id": "byRegexp", "options": ".* max$"},
		"properties": []any{map[string]any{"id": "custom.lineStyle", "value": map[string]any{"fill": "dash", "dash": []int{10, 10}}}},
	}}
	return p
}

// dropletPerformance is the Droplets dashboard's row of the droplet_metrics collector.
func dropletPerformance() row {
	const note = "From the Monitoring API (collector droplet_metrics)."
	of := func(metric string) string { return joined(metric, droplets, "name") }
	return row{title: "Performance (Monitoring API)", panels: []*panel{
		stat("Read", "Droplets whose metrics the last round read. Not filtered by region or tag.", "none", coverage("droplets", "covered")),
		stat("Without the agent", "Droplets that answer no samples: asked again on the detail cadence.", "none",
			coverage("droplets", "skipped_no_agent")),
		alarm("Skipped for the budget", "Droplets left for a later round: the request budget allows no more, even at --monitoring.max-interval.",
			coverage("droplets", "skipped_budget")),
		stat("Oldest sample", "Age of the oldest newest sample of a Droplet read.", "s",
			query{`max(time() - digitalocean_monitoring_sample_timestamp_seconds{` + byAccount + `, kind="droplets"})`, ""}),
		withMax("CPU busy", note+" Share of CPU time not idle since the previous reading.", "digitalocean_droplet_cpu_busy_ratio",
			of, "{{name}}"),
		withMax("Memory used", note+" 1 - available/total.", "digitalocean_droplet_memory_used_ratio", of, "{{name}}"),
		withMax("Filesystem used", note+" 1 - free/size, per mount.", "digitalocean_droplet_filesystem_used_ratio", of,
			"{{name}} {{mountpoint}}"),
		timeseries("Load", note+" Load average over 1 minute, and over 15 (dashed).", "none",
			query{of("digitalocean_droplet_load1"), "{{name}}"}, query{of("digitalocean_droplet_load15"), "{{name}} 15m"}),
		timeseries("Network", note+" With --monitoring.droplet-metrics bandwidth: traffic per interface, out as negative.", "Bps",
			query{of(`digitalocean_droplet_network_bytes_per_second{direction="inbound"}`), "{{name}} {{interface}} in"},
			query{"-" + of(`digitalocean_droplet_network_bytes_per_second{direction="outbound"}`), "{{name}} {{interface}} out"}),
		withUnit("percentunit", table("Fullest filesystems", note+" The fullest each reached in the window last read.",
			"sort_desc("+joined("digitalocean_droplet_filesystem_used_ratio_max", droplets, "name", "region")+")",
			"used (max)", "name", "mountpoint", "region", "account")),
	}}
}

// appPerformance is the Apps dashboard's row of the app_metrics collector,
// by each component's instance (label component_instance).
func appPerformance() row {
	const note = "From the Monitoring API (collector app_metrics), per instance of each component."
	of := func(metric string) string { return joinedBy("app_id", metric, apps, "name") }
	return row{title: "Performance (Monitoring API)", panels: []*panel{
		stat("Apps read", "Apps whose metrics the last round read. Not filtered by region.", "none", coverage("apps", "covered")),
		stat("Running nothing", "Apps that answer no samples (static sites only): asked again on the detail cadence.", "none",
			coverage("apps", "skipped_no_agent")),
		alarm("Skipped for the budget", "Apps left for a later round: the request budget allows no more.", coverage("apps", "skipped_budget")),
		withMax("CPU", note, "digitalocean_app_component_cpu_ratio", of, "{{name}} {{component_instance}}"),
		withMax("Memory", note, "digitalocean_app_component_memory_ratio", of, "{{name}} {{component_instance}}"),
		bars("Restarts", note+" As the API's restart count reports them.", "none",
			query{of("digitalocean_app_component_restarts"), "{{name}} {{component_instance}}"}),
	}}
}

// loadBalancerTraffic is the Storage and network dashboard's row of the
// load_balancer_metrics collector.
func loadBalancerTraffic(lbs string) row {
	const note = "From the Monitoring API (collector load_balancer_metrics)."
	return row{title: "Load balancers (Monitoring API)", panels: []*panel{
		timeseries("Connections", note+" Open on each load balancer's frontend.", "none",
			query{joined("digitalocean_load_balancer_connections", lbs, "name"), "{{name}}"}),
		timeseries("HTTP responses by class", note, "reqps",
			query{"sum by (name, class) (" + joined("digitalocean_load_balancer_http_responses_per_second", lbs, "name") + ")",
				"{{name}} {{class}}"}),
		bars("Unhealthy backends", note+" Backend Droplets whose last health check failed.", "none",
			query{joined(`digitalocean_load_balancer_backends{health="unhealthy"}`, lbs, "name"), "{{name}}"}),
	}}
}
