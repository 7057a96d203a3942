package dashboards

// byProject copies a project's id to project_id, and its name to project,
// to join what projects hold.
const byProject = `label_replace(label_replace(digitalocean_project_info{` + byAccount + `}, "project_id", "$1", "id", "(.*)"), ` +
	`"project", "$1", "name", "(.*)")`

func operationsDashboard() spec {
	of := func(metric string, matchers ...string) string {
		return selector(metric, append([]string{byAccount}, matchers...)...)
	}
	// usedShare is what an account uses of one of its limits.
	usedShare := func(used, limit, what string) query {
		return query{"(" + used + ") / on (account) " + of(limit), what + " {{account}}"}
	}
	uptime := of("digitalocean_uptime_check_info")
	pools := of("digitalocean_droplet_autoscale_pool_info")
	registries := of("digitalocean_registry_info")
	return spec{
		file: "account-operations.json", uid: "digitalocean-account-operations", title: "DigitalOcean / Account and operations",
		description: "Whose is it, is it watched, is it about to hit a limit: projects and what they hold, the account's limits " +
			"against use, registry storage against the tier, uptime checks by region, autoscale pools against their bounds, " +
			"alert policies, keys and backups.",
		variables: []variable{accountVariable()},
		rows: []row{
			{panels: []*panel{
				stat("Projects", "", "none", query{"count(" + of("digitalocean_project_info") + ")", ""}),
				alarm("In the default project", "Resources nobody assigned to a project.",
					query{"sum(" + of("digitalocean_project_resources") + " * on (account, project_id) group_left " +
						`label_replace(digitalocean_project_info{is_default="true"}, "project_id", "$1", "id", "(.*)"))`, ""}),
				withUnit("percentunit", stat("Droplet limit used", "The account closest to its Droplet limit.", "percentunit",
					query{"max(sum by (account) (" + of("digitalocean_droplets") + ") / on (account) " + of("digitalocean_account_droplet_limit") + ")", ""})),
				withUnit("percentunit", stat("Registry storage used", "Of the storage the subscription tier includes.", "percentunit",
					query{"max(sum by (account) (" + of("digitalocean_registry_storage_used_bytes") + ") / on (account) max by (account) (" +
						of("digitalocean_registry_storage_included_bytes") + "))", ""})),
				alarm("Uptime checks down somewhere", "Checks that a region sees down.",
					query{"count(count by (account, id) (" + of("digitalocean_uptime_check_region_up") + " == 0))", ""}),
				alarm("Autoscale pools at their maximum", "",
					query{"count(" + of("digitalocean_droplet_autoscale_pool_instances", `bound="active"`) + " >= ignoring (bound) " +
						of("digitalocean_droplet_autoscale_pool_instances", `bound="max"`) + ")", ""}),
			}},
			{title: "Projects", panels: []*panel{
				bars("Resources by project", "", "none",
					query{"sum by (account, project) (" + of("digitalocean_project_resources") + " * on (account, project_id) group_left (project) " +
						byProject + ")", "{{project}}"}),
				table("What each project holds", "Resources of each kind in each project.",
					of("digitalocean_project_resources")+" * on (account, project_id) group_left (project, environment, is_default) "+byProject,
					"resources", "project", "environment", "is_default=default", "kind", "account"),
			}},
			{title: "Limits", panels: []*panel{
				withUnit("percentunit", bars("Limits used", "What the account has of what it may have.", "percentunit",
					usedShare("sum by (account) ("+of("digitalocean_droplets")+")", "digitalocean_account_droplet_limit", "Droplets"),
					usedShare("count by (account) ("+of("digitalocean_volume_info")+")", "digitalocean_account_volume_limit", "Volumes"),
					usedShare("count by (account) ("+of("digitalocean_reserved_ip_info")+")", "digitalocean_account_reserved_ip_limit", "Reserved IPs"))),
				timeseries("Droplets against the limit", "", "none",
					query{"sum by (account) (" + of("digitalocean_droplets") + ")", "Droplets {{account}}"},
					query{of("digitalocean_account_droplet_limit"), "limit {{account}}"}),
			}},
			{title: "Container registry", panels: []*panel{
				withUnit("bytes", bars("Registry storage against the tier", "Storage each registry uses; the tier's included storage is the account's.", "bytes",
					query{of("digitalocean_registry_storage_used_bytes") + " * on (account, name) group_left (region, tier) " + registries,
						"{{name}} ({{tier}})"},
					query{"max by (account) (" + of("digitalocean_registry_storage_included_bytes") + ")", "included {{account}}"})),
				withUnit("s", table("Repositories by time since the last push", "Tags of each repository, the stalest first.",
					"sort_desc(time() - "+of("digitalocean_registry_repository_last_push_timestamp_seconds")+")",
					"since last push", "name=registry", "repository", "account")),
			}},
			{title: "Uptime", panels: []*panel{
				table("Uptime checks by region", "1 when the region sees the target up.",
					joined(of("digitalocean_uptime_check_region_up"), uptime, "name", "target"), "up", "name", "target", "region", "account"),
				withUnit("percentunit", bars("30-day uptime", "In the region that saw each target least.", "percentunit",
					query{joined(of("digitalocean_uptime_check_uptime_ratio"), uptime, "name"), "{{name}}"})),
			}},
			{title: "Autoscale pools", panels: []*panel{
				bars("Autoscale pools against their bounds", "Droplets each pool runs (active) beside its bounds.", "none",
					query{joined(of("digitalocean_droplet_autoscale_pool_instances"), pools, "name"), "{{name}} {{bound}}"}),
				table("Autoscale pools", "", joined(of("digitalocean_droplet_autoscale_pool_instances"), pools, "name", "region", "size", "status"),
					"Droplets", "name", "region", "size", "status", "bound", "account"),
			}},
			{title: "Alerting, keys and backups", panels: []*panel{
				sized(12, 8, table("Alert policies", "What DigitalOcean Monitoring watches.", of("digitalocean_monitoring_alert_policy_info"), "",
					"description", "type", "enabled", "account")),
				sized(12, 8, table("Spaces keys", "A fullaccess key may do anything to every bucket.",
					of("digitalocean_spaces_key_info"), "", "name", "permission", "account")),
				sized(12, 8, withUnit("s", table("Database backups", "Time since each database's newest backup.",
					"sort_desc(time() - "+joined(of("digitalocean_database_last_backup_timestamp_seconds"), of("digitalocean_database_info"), "name", "engine")+")",
					"since the newest", "name", "engine", "account"))),
				sized(12, 8, table("Clusterlint diagnostics", "Of each cluster's latest clusterlint run.",
					"label_replace("+of("digitalocean_kubernetes_clusterlint_diagnostics")+", \"id\", \"$1\", \"cluster_id\", \"(.*)\")"+
						" * on (account, id) group_left (name) "+of("digitalocean_kubernetes_cluster_info"), "diagnostics", "name=cluster", "check", "severity", "account")),
			}},
		},
	}
}
