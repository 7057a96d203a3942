package dashboards

// Every kind of the info series, for the region variable and for panels
// over all kinds.
const allInfos = "digitalocean_(droplet|kubernetes_cluster|database|app)_info"

// In the fleet overview the tag filter applies to apps too: they carry no
// tags, so choosing one leaves them out.
var appsTagged = selector("digitalocean_app_info", byAccount, byRegion, byTag)

// perKind is one query per kind, named after it.
func perKind(expr func(info string) string) []query {
	return []query{
		{expr(droplets), "Droplets"}, {expr(clusters), "Kubernetes clusters"},
		{expr(dbs), "Databases"}, {expr(appsTagged), "Apps"},
	}
}

func fleetOverview() spec {
	count := func(info string) string { return "count(" + info + ")" }
	netChange := func(info string) string { return "count(" + info + ") - count(" + info + " offset $__range)" }
	return spec{
		file: "fleet-overview.json", uid: "digitalocean-fleet", title: "DigitalOcean / Fleet overview",
		description: "Workloads of every kind by region and status, and how they change.",
		variables:   []variable{accountVariable(), regionVariable(allInfos), tagVariable("droplets|kubernetes|databases")},
		rows: []row{
			{panels: []*panel{
				stat("Droplets", "", "none", query{count(droplets), ""}),
				stat("Kubernetes clusters", "", "none", query{count(clusters), ""}),
				stat("Databases", "", "none", query{count(dbs), ""}),
				stat("Apps", "Apps carry no tags: choosing a tag leaves them out.", "none", query{count(appsTagged), ""}),
				alarm("Refreshes failing", "Resource kinds whose last refresh failed; their data is getting old. See Exporter health.",
					query{"count(digitalocean_refresh_success{" + byAccount + "} == 0)", ""}),
				stat("Oldest data", "Age of the oldest list the exporter serves.", "s",
					query{"max(time() - digitalocean_refresh_last_success_timestamp_seconds{" + byAccount + "})", ""}),
			}},
			{title: "Over time", panels: []*panel{
				timeseries("Workloads by kind", "", "none", perKind(count)...),
				timeseries("Workloads by region", "", "none",
					query{`count by (region) ({__name__=~"` + allInfos + `", ` + byAccount + ", " + byRegion + ", " + byTag + "})", "{{region}}"}),
				timeseries("Workloads by status", "For apps, the phase of the newest deployment.", "none",
					query{"count by (status) (" + droplets + ")", "Droplets {{status}}"},
					query{"count by (status) (" + clusters + ")", "Kubernetes {{status}}"},
					query{"count by (status) (" + dbs + ")", "Databases {{status}}"},
					query{"count by (phase) (" + appsTagged + ")", "Apps {{phase}}"}),
				bars("Net change over the time range",
					"Workloads now less workloads at the start of the time range; empty for a kind that had none then.",
					"none", perKind(netChange)...),
			}},
			{title: "Changes", panels: []*panel{
				withUnit("s", table("Created in the last 7 days", "Droplets, clusters, databases and apps younger than a week.",
					`(time() - {__name__=~"digitalocean_(droplet|kubernetes_cluster|database|app)_created_timestamp_seconds", `+
						byAccount+`}) * on (account, id) group_left(name, region) {__name__=~"`+allInfos+`", `+
						byAccount+", "+byRegion+", "+byTag+"} < 7 * 86400",
					"age", "name", "region", "account")),
			}},
		},
	}
}
