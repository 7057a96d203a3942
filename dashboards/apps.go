package dashboards

func appsDashboard() spec {
	components := joinedBy("app_id", "digitalocean_app_component_instances", apps)
	return spec{
		file: "apps.json", uid: "digitalocean-apps", title: "DigitalOcean / Apps",
		description: "App Platform apps: components, instance sizes and counts, the phase of the newest deployment, " +
			"and the CPU, memory and restarts of each instance from the Monitoring API. " +
			"Apps carry no tags, so this dashboard has no tag filter.",
		variables: append([]variable{accountVariable()}, regionVariables("digitalocean_app_info")...),
		rows: []row{
			{panels: []*panel{
				stat("Apps", "", "none", query{"count(" + one(apps) + ")", ""}),
				stat("Components", "Services, workers, jobs, static sites and functions.", "none", query{"count(" + components + ")", ""}),
				stat("Instances", "Of services, workers and jobs.", "none", query{"sum(" + components + ")", ""}),
				alarm("Not active", "Apps whose newest deployment is not ACTIVE: building, deploying, or failed.",
					query{"count(" + one(filtered(apps, `phase!="ACTIVE"`)) + ")", ""}),
			}},
			{title: "Capacity", panels: []*panel{
				bars("Instances by instance size", "", "none", query{"sum by (instance_size) (" + components + ")", "{{instance_size}}"}),
				bars("Components by type", "", "none", query{"count by (component_type) (" + components + ")", "{{component_type}}"}),
				timeseries("Apps by deployment phase", "", "none", query{"count by (phase) (" + one(apps) + ")", "{{phase}}"}),
				bars("Apps by tier", "", "none", query{"count by (tier) (" + one(apps) + ")", "{{tier}}"}),
			}},
			{title: "Deployments", panels: []*panel{
				sized(12, 9, table("Components", "", joinedBy("app_id", "digitalocean_app_component_instances", apps, "name"),
					"instances", "name=app", "component", "component_type=type", "instance_size=size", "account")),
				sized(12, 9, withUnit("s", table("Since the last deployment", "Time since each app's last deployment became active.",
					"time() - "+joined("digitalocean_app_last_deployment_active_timestamp_seconds", apps, "name", "phase"),
					"since", "name", "phase", "account"))),
			}},
			appPerformance(),
			{title: "Inventory", panels: []*panel{
				table("Apps", "", one(apps), "", "name", "region", "tier", "phase", "account", "id"),
			}},
		},
	}
}
