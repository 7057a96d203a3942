package dashboards

func kubernetesDashboard() spec {
	ofClusters := func(metric string, labels ...string) string {
		return joinedBy("cluster_id", metric, clusters, labels...)
	}
	running := "sum by (account, cluster_id, id) (" +
		one(`label_replace(digitalocean_kubernetes_nodes{state="running"}, "id", "$1", "pool_id", "(.*)")`) + ")"
	short := ofClusters("digitalocean_kubernetes_node_pool_nodes") + " > on (account, cluster_id, id) " + running
	upgradable := "count by (account, id) (" + joined("digitalocean_kubernetes_cluster_upgrade_available", clusters) + ")"
	return spec{
		file: "kubernetes.json", uid: "digitalocean-kubernetes", title: "DigitalOcean / Kubernetes",
		description: "Kubernetes clusters, their versions and upgrades, and node pools: desired and actual nodes.",
		variables:   []variable{accountVariable(), regionVariable("digitalocean_kubernetes_cluster_info"), tagVariable("kubernetes")},
		rows: []row{
			{panels: []*panel{
				stat("Clusters", "", "none", query{"count(" + one(clusters) + ")", ""}),
				stat("Node pools", "", "none", query{"count(" + ofClusters("digitalocean_kubernetes_node_pool_info") + ")", ""}),
				stat("Desired nodes", "", "none", query{"sum(" + ofClusters("digitalocean_kubernetes_node_pool_nodes") + ")", ""}),
				stat("Running nodes", "", "none", query{"sum(" + ofClusters(`digitalocean_kubernetes_nodes{state="running"}`) + ")", ""}),
				alarm("Pools short of running nodes", "Node pools with fewer running nodes than desired.", query{"count(" + short + ")", ""}),
				alarm("Clusters with an upgrade waiting", "", query{"count(" + upgradable + ")", ""}),
			}},
			{title: "Versions and state", panels: []*panel{
				bars("Clusters by version", "", "none", query{"count by (version) (" + one(clusters) + ")", "{{version}}"}),
				timeseries("Clusters by status", "", "none", query{"count by (status) (" + one(clusters) + ")", "{{status}}"}),
			}},
			{title: "Node pools", panels: []*panel{
				timeseries("Desired and running nodes", "", "none",
					query{"sum(" + ofClusters("digitalocean_kubernetes_node_pool_nodes") + ")", "desired"},
					query{"sum by (state) (" + ofClusters("digitalocean_kubernetes_nodes") + ")", "{{state}}"}),
				bars("Running nodes per pool", "", "none",
					query{ofClusters(running, "name"), "{{name}} / {{id}}"}),
				table("Desired nodes per pool", "",
					ofClusters("digitalocean_kubernetes_node_pool_nodes", "name"),
					"desired nodes", "name=cluster", "id=pool", "account"),
			}},
			{title: "Upgrades", panels: []*panel{
				sized(12, 8, table("Upgrades available", "Versions each cluster can upgrade to.",
					joined("digitalocean_kubernetes_cluster_upgrade_available", clusters, "name", "version", "auto_upgrade"),
					"", "name", "version", "target_version=can upgrade to", "auto_upgrade=auto-upgrade", "account")),
				sized(12, 8, table("Clusters without auto-upgrade", "They take patch releases only when someone upgrades them.",
					one(filtered(clusters, `auto_upgrade="false"`)), "", "name", "region", "version", "status", "account")),
			}},
			{title: "Inventory", panels: []*panel{
				table("Clusters", "", one(clusters), "", "name", "region", "version", "status", "ha=HA", "auto_upgrade=auto-upgrade",
					"surge_upgrade=surge upgrade", "tags", "account", "id"),
			}},
		},
	}
}
