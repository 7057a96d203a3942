package dashboards

// projectLabels copies labels of each project, its name as project, to
// what it holds, keyed by project_id.
func projectLabels(labels ...string) string {
	byProject := `label_replace(label_replace(digitalocean_project_info{` + byAccount + `}, "project_id", "$1", "id", "(.*)"), ` +
		`"project", "$1", "name", "(.*)")`
	return labelsOf(byProject, "account, project_id", labels...)
}

func operationsDashboard() spec {
	of := func(metric string, matchers ...string) string {
		return selector(metric, append([]string{byAccount}, matchers...)...)
	}
	// usedShare is what an account uses of one of its limits.
	usedShare := func(used, limit, what string) query {
		return query{"(" + used + ") / on (account) " + labelsOf(of(limit), "account"), what + " {{account}}"}
	}
	oneOf := func(metric string, matchers ...string) string { return one(of(metric, matchers...)) }
	droplets := "sum by (account) (" + oneOf("digitalocean_droplets") + ")"
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
				stat("Projects", "", "none", query{"count(" + oneOf("digitalocean_project_info") + ")", ""}),
				alarm("In the default project", "Resources nobody assigned to a project.",
					query{"sum(" + joinedBy("project_id", of("digitalocean_project_resources"), `digitalocean_project_info{is_default="true"}`) + ")", ""}),
				withUnit("percentunit", stat("Droplet limit used", "The account closest to its Droplet limit.", "percentunit",
					query{"max(" + droplets + " / on (account) " + labelsOf(of("digitalocean_account_droplet_limit"), "account") + ")", ""})),
				withUnit("percentunit", stat("Registry storage used", "Of the storage the subscription tier includes.", "percentunit",
					query{"max(sum by (account) (" + oneOf("digitalocean_registry_storage_used_bytes") + ") / on (account) " +
						labelsOf(of("digitalocean_registry_storage_included_bytes"), "account") + ")", ""})),
				alarm("Uptime checks down somewhere", "Checks that a region sees down.",
					query{"count(count by (account, id) (" + oneOf("digitalocean_uptime_check_region_up") + " == 0))", ""}),
				alarm("Autoscale pools at their maximum", "",
					query{"count(" + oneOf("digitalocean_droplet_autoscale_pool_instances", `bound="active"`) + " >= ignoring (bound) " +
						oneOf("digitalocean_droplet_autoscale_pool_instances", `bound="max"`) + ")", ""}),
			}},
			{title: "Projects", panels: []*panel{
				bars("Resources by project", "", "none",
					query{"sum by (account, project) (" + oneOf("digitalocean_project_resources") + " * on (account, project_id) group_left (project) " +
						projectLabels("project") + ")", "{{project}}"}),
				table("What each project holds", "Resources of each kind in each project.",
					oneOf("digitalocean_project_resources")+" * on (account, project_id) group_left (project, environment, is_default) "+
						projectLabels("project", "environment", "is_default"),
					"resources", "project", "environment", "is_default=default", "kind", "account"),
			}},
			{title: "Limits", panels: []*panel{
				withUnit("percentunit", bars("Limits used", "What the account has of what it may have.", "percentunit",
					usedShare(droplets, "digitalocean_account_droplet_limit", "Droplets"),
					usedShare("count by (account) ("+oneOf("digitalocean_volume_info")+")", "digitalocean_account_volume_limit", "Volumes"),
					usedShare("count by (account) ("+oneOf("digitalocean_reserved_ip_info")+")", "digitalocean_account_reserved_ip_limit", "Reserved IPs"))),
				timeseries("Droplets against the limit", "", "none",
					query{droplets, "Droplets {{account}}"},
					query{labelsOf(of("digitalocean_account_droplet_limit"), "account"), "limit {{account}}"}),
			}},
			{title: "Container registry", panels: []*panel{
				withUnit("bytes", bars("Registry storage against the tier", "Storage each registry uses; the tier's included storage is the account's.", "bytes",
					query{oneOf("digitalocean_registry_storage_used_bytes") + " * on (account, name) group_left (region, tier) " +
						labelsOf(registries, "account, name", "region", "tier"),
						"{{name}} ({{tier}})"},
					query{"max by (account) (" + of("digitalocean_registry_storage_included_bytes") + ")", "included {{account}}"})),
				withUnit("s", table("Repositories by time since the last push", "Tags of each repository, the stalest first.",
					"sort_desc("+one("time() - "+of("digitalocean_registry_repository_last_push_timestamp_seconds"))+")",
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
				sized(12, 8, table("Alert policies", "What DigitalOcean Monitoring watches.", oneOf("digitalocean_monitoring_alert_policy_info"), "",
					"description", "type", "enabled", "account")),
				sized(12, 8, table("Spaces keys", "A fullaccess key may do anything to every bucket.",
					oneOf("digitalocean_spaces_key_info"), "", "name", "permission", "account")),
				sized(12, 8, withUnit("s", table("Database backups", "Time since each database's newest backup.",
					"sort_desc(time() - "+joined(of("digitalocean_database_last_backup_timestamp_seconds"), of("digitalocean_database_info"), "name", "engine")+")",
					"since the newest", "name", "engine", "account"))),
				sized(12, 8, table("Clusterlint diagnostics", "Of each cluster's latest clusterlint run.",
					joined(`label_replace(`+of("digitalocean_kubernetes_clusterlint_diagnostics")+`, "id", "$1", "cluster_id", "(.*)")`,
						of("digitalocean_kubernetes_cluster_info"), "name"), "diagnostics", "name=cluster", "check", "severity", "account")),
			}},
		},
	}
}
