package dashboards

// Every kind of the info series, for the region variable; the tagged
// kinds, placed in a datacenter, for panels over all of them beside apps.
const (
	allInfos    = "digitalocean_(droplet|kubernetes_cluster|database|app)_info"
	taggedInfos = "digitalocean_(droplet|kubernetes_cluster|database)_info"
)

// tagged are the info series of the tagged kinds, filtered by every variable.
var tagged = `{__name__=~"` + taggedInfos + `", ` + byAccount + ", " + byRegion + ", " + byTag + "}"

// perKind is one query per kind, named after it.
func perKind(expr func(info string) string) []query {
	return []query{
		{expr(droplets), "Droplets"}, {expr(clusters), "Kubernetes clusters"},
		{expr(dbs), "Databases"}, {expr(apps), "Apps"},
	}
}

func fleetOverview() spec {
	count := func(info string) string { return "count(" + one(info) + ")" }
	age := `time() - {__name__=~"digitalocean_(droplet|kubernetes_cluster|database|app)_created_timestamp_seconds", ` + byAccount + "}"
	netChange := func(info string) string { return count(info) + " - " + count(info+" offset $__range") }
	return spec{
		file: "fleet-overview.json", uid: "digitalocean-fleet", title: "DigitalOcean / Fleet overview",
		description: "Workloads of every kind by region and status, and how they change.",
		variables:   append(append([]variable{accountVariable()}, regionVariables(allInfos)...), tagVariable("droplets|kubernetes|databases")),
		rows: []row{
			{panels: []*panel{
				stat("Droplets", "", "none", query{count(droplets), ""}),
				stat("Kubernetes clusters", "", "none", query{count(clusters), ""}),
				stat("Databases", "", "none", query{count(dbs), ""}),
				stat("Apps", untaggedNote, "none", query{count(apps), ""}),
				alarm("Refreshes failing", "Resource kinds whose last refresh failed; their data is getting old. See Exporter health.",
					query{"count(" + lowest("digitalocean_refresh_success{"+byAccount+"}") + " == 0)", ""}),
				stat("Oldest data", "Age of the oldest list the exporter serves.", "s",
					query{"max(time() - digitalocean_refresh_last_success_timestamp_seconds{" + byAccount + "})", ""}),
			}},
			{title: "Over time", panels: []*panel{
				timeseries("Workloads by kind", "", "none", perKind(count)...),
				timeseries("Workloads by region", "Apps count under their geography (nyc). "+untaggedNote, "none",
					query{"count by (region) (" + one(tagged) + ") or count by (region) (" + one(apps) + ")", "{{region}}"}),
				timeseries("Workloads by status", "For apps, the phase of the newest deployment. "+untaggedNote, "none",
					query{"count by (status) (" + one(droplets) + ")", "Droplets {{status}}"},
					query{"count by (status) (" + one(clusters) + ")", "Kubernetes {{status}}"},
					query{"count by (status) (" + one(dbs) + ")", "Databases {{status}}"},
					query{"count by (phase) (" + one(apps) + ")", "Apps {{phase}}"}),
				bars("Net change over the time range",
					"Workloads now less workloads at the start of the time range; empty for a kind that had none then. "+untaggedNote,
					"none", perKind(netChange)...),
			}},
			{title: "Changes", panels: []*panel{
				withUnit("s", table("Created in the last 7 days", "Droplets, clusters, databases and apps younger than a week. "+untaggedNote,
					"("+joined(age, tagged, "name", "region")+" or "+joined(age, apps, "name", "region")+") < 7 * 86400",
					"age", "name", "region", "account")),
			}},
		},
	}
}
