package dashboards

// postureChecks are the checks of digitalocean_posture_findings, in the
// order the dashboard shows them, with a title each.
var postureChecks = []struct{ check, title string }{
	{"droplet_public_without_firewall", "Public Droplets without a firewall"},
	{"firewall_admin_port_open_to_world", "Admin ports open to the world"},
	{"database_open_to_any_address", "Databases open to any address"},
	{"load_balancer_http_without_redirect", "HTTP without redirect to HTTPS"},
	{"kubernetes_upgrade_available", "Kubernetes upgrades waiting"},
	{"database_version_end_of_life_within_90d", "Database end of life within 90 days"},
	{"certificate_expires_within_30d", "Certificates expiring within 30 days"},
	{"certificate_error", "Certificates in error"},
	{"load_balancer_certificate_expires_within_30d", "Load balancers with an expiring certificate"},
	{"droplet_backups_disabled", "Droplets without backups"},
	{"droplet_without_monitoring_agent", "Droplets without the monitoring agent"},
	{"droplet_without_alert_policy", "Droplets no alert policy watches"},
	{"database_backup_older_than_36h", "Databases without a backup in 36 hours"},
	{"spaces_key_full_access", "Spaces keys with full access"},
	{"genai_agent_public", "Public GenAI agents"},
	{"project_default_holds_resources", "Resources in the default project"},
}

func securityPostureDashboard() spec {
	var findings []*panel
	for _, c := range postureChecks {
		findings = append(findings, alarm(c.title, "Check "+c.check+"; counts the whole account, whatever the region and tag filters.",
			query{"sum(" + one(`digitalocean_posture_findings{`+byAccount+`, check="`+c.check+`"}`) + ")", ""}))
	}
	firewalls := selector("digitalocean_firewall_info", byAccount)
	loadBalancers := selector("digitalocean_load_balancer_info", byAccount, byRegion)
	certificates := selector("digitalocean_certificate_info", byAccount)
	unprotected := "(digitalocean_droplet_public == 1) unless on (account, id) (digitalocean_droplet_firewall_protected == 1)"
	httpEntry := `digitalocean_load_balancer_forwarding_rule_info{entry_protocol="http"}`
	daysLeftByCertificate := `label_replace(` + joined("((digitalocean_certificate_expiry_timestamp_seconds - time()) / 86400)", certificates) +
		`, "certificate_id", "$1", "id", "(.*)")`
	return spec{
		file: "security-posture.json", uid: "digitalocean-security-posture", title: "DigitalOcean / Security posture",
		description: "What is reachable from the internet and should not be: public Droplets without a firewall, rules open to " +
			"the world, databases without trusted sources, plain HTTP, pending upgrades and end of life; DigitalOcean's own " +
			"security scan beside the exporter's checks.",
		variables: []variable{accountVariable(), regionVariable("digitalocean_(droplet|kubernetes_cluster|database|load_balancer)_info"),
			tagVariable("droplets|kubernetes|databases")},
		rows: []row{
			{panels: append(findings,
				sized(24, 8, timeseries("Findings by check", "", "none",
					query{"sum by (check, severity) (" + one("digitalocean_posture_findings{"+byAccount+"}") + ")", "{{severity}} {{check}}"}))),
			},
			{title: "DigitalOcean's own scan, beside the exporter's checks", panels: []*panel{
				alarm("Critical scan findings", "Resources that break a critical rule of DigitalOcean's latest scan.",
					query{"sum(" + one(`digitalocean_security_scan_findings{`+byAccount+`, severity="critical"}`) + ")", ""}),
				stat("Scanning enabled", "1 where DigitalOcean scans the account; 0 where scanning is not enabled.", "none",
					query{"min(digitalocean_security_scan_enabled{" + byAccount + "})", ""}),
				withUnit("s", stat("Age of the latest scan", "", "s",
					query{"max(time() - digitalocean_security_scan_timestamp_seconds{" + byAccount + "})", ""})),
				sized(12, 4, bars("Findings by severity", "The exporter's checks and DigitalOcean's scan, side by side.", "none",
					query{"sum by (severity) (" + one("digitalocean_posture_findings{"+byAccount+"}") + ")", "exporter {{severity}}"},
					query{"sum by (severity) (" + one("digitalocean_security_scan_findings{"+byAccount+"}") + ")", "DigitalOcean {{severity}}"})),
				table("DigitalOcean's scan findings", "Each rule the latest scan found broken, and how many resources break it.",
					"sort_desc("+one("digitalocean_security_scan_findings{"+byAccount+"}")+")", "resources", "rule", "severity", "account"),
			}},
			{title: "Droplets and firewalls", panels: []*panel{
				table("Public Droplets without a firewall", "",
					joined("("+unprotected+")", droplets, "name", "region", "public_ipv4", "tags"),
					"", "name", "region", "public_ipv4=public IPv4", "tags", "account"),
				sized(12, 8, table("Inbound rules open to the world", "Rules that accept any address (0.0.0.0/0 or ::/0).",
					joinedBy("firewall_id", "digitalocean_firewall_inbound_rule_open_to_world", firewalls, "name"),
					"", "name=firewall", "protocol", "ports", "account")),
				bars("Droplets covered by each firewall", "", "none",
					query{joined("digitalocean_firewall_droplets", firewalls, "name"), "{{name}}"}),
			}},
			{title: "Databases", panels: []*panel{
				sized(12, 8, table("Databases open to any address", "Clusters with no trusted sources.",
					joined("(digitalocean_database_trusted_sources == 0)", dbs, "name", "engine", "region"),
					"", "name", "engine", "region", "account")),
				sized(12, 8, withUnit("d", table("Database end of life", "Days until the engine version stops being supported.",
					joined("((digitalocean_database_version_end_of_life_timestamp_seconds - time()) / 86400)", dbs, "name", "engine", "version"),
					"days left", "name", "engine", "version", "account"))),
			}},
			{title: "Kubernetes", panels: []*panel{
				table("Upgrades available", "",
					joined("digitalocean_kubernetes_cluster_upgrade_available", clusters, "name", "version", "auto_upgrade"),
					"", "name", "version", "target_version=can upgrade to", "auto_upgrade=auto-upgrade", "account"),
			}},
			{title: "Certificates", panels: []*panel{
				sized(16, 10, withUnit("d", table("Days to expiry", "Every certificate with an expiry, the soonest first; "+
					"negative when it has expired. Certificates are not filtered by region or tag.",
					"sort("+joined("((digitalocean_certificate_expiry_timestamp_seconds{"+byAccount+"} - time()) / 86400)",
						certificates, "name", "type", "state")+")",
					"days left", "name", "type", "state", "account"))),
				sized(8, 10, table("Certificates not verified", "Pending ones are being issued; those in error could not be.",
					one(filtered(certificates, `state!="verified"`)), "", "name", "type", "state", "account")),
				table("HTTPS rules and their certificates", "Each load balancer rule that terminates TLS, with the days its certificate has left.",
					joinedBy("load_balancer_id", daysLeftByCertificate+" * on (account, certificate_id) group_right "+
						one(`label_replace(digitalocean_load_balancer_forwarding_rule_info{certificate_id!=""}, "load_balancer_id", "$1", "id", "(.*)")`),
						loadBalancers, "name"),
					"days left", "name=load balancer", "entry_port=port", "certificate_id=certificate", "account"),
			}},
			{title: "Load balancers", panels: []*panel{
				sized(12, 8, table("HTTP without redirect to HTTPS", "Load balancers that take plain HTTP and do not redirect it.",
					joined("(digitalocean_load_balancer_redirect_http_to_https == 0)", loadBalancers, "name", "region", "ip")+
						" and on (account, id) "+httpEntry, "", "name", "region", "ip=IP", "account")),
				bars("Droplets behind each load balancer", "", "none",
					query{joined("digitalocean_load_balancer_droplets", loadBalancers, "name"), "{{name}}"}),
				table("Forwarding rules", "",
					joined("digitalocean_load_balancer_forwarding_rule_info", loadBalancers, "name"), "",
					"name", "entry_protocol=entry", "entry_port=port", "target_protocol=target", "target_port=target port",
					"tls_passthrough=TLS passthrough", "account"),
			}},
		},
	}
}
