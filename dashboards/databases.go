package dashboards

func databasesDashboard() spec {
	sum := func(metric string) string { return "sum(" + joined(metric, dbs) + ")" }
	countBy := func(labels, legend string) query {
		return query{"count by (" + labels + ") (" + one(dbs) + ")", legend}
	}
	daysLeft := "(digitalocean_database_version_end_of_life_timestamp_seconds - time()) / 86400"
	return spec{
		file: "databases.json", uid: "digitalocean-databases", title: "DigitalOcean / Databases",
		description: "Managed database clusters by engine and version, their nodes and storage, and end of life.",
		variables:   []variable{accountVariable(), regionVariable("digitalocean_database_info"), tagVariable("databases")},
		rows: []row{
			{panels: []*panel{
				stat("Database clusters", "", "none", query{"count(" + one(dbs) + ")", ""}),
				stat("Nodes", "Standby nodes included.", "none", query{sum("digitalocean_database_nodes"), ""}),
				stat("Storage", "Of the clusters whose storage the API reports.", "bytes", query{sum("digitalocean_database_storage_bytes"), ""}),
				alarm("Not online", "", query{"count(" + one(filtered(dbs, `status!="online"`)) + ")", ""}),
				alarm("End of life within 90 days", "", query{"count(" + joined("("+daysLeft+" < 90)", dbs) + ")", ""}),
			}},
			{title: "Engines", panels: []*panel{
				bars("By engine", "", "none", countBy("engine", "{{engine}}")),
				bars("By engine and version", "", "none", countBy("engine, version", "{{engine}} {{version}}")),
				bars("By region", "", "none", countBy("region", "{{region}}")),
				timeseries("By status", "", "none", countBy("status", "{{status}}")),
			}},
			{title: "End of life", panels: []*panel{
				withUnit("d", table("Days to end of life", "Until the engine version stops being supported.",
					joined("("+daysLeft+")", dbs, "name", "engine", "version", "region"),
					"days left", "name", "engine", "version", "region", "account")),
			}},
			{title: "Inventory", panels: []*panel{
				table("Database clusters", "", one(dbs), "", "name", "engine", "version", "region", "size", "status", "tags", "account", "id"),
			}},
		},
	}
}
