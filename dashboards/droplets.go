package dashboards

func dropletsDashboard() spec {
	sum := func(metric string) string { return "sum(" + joined(metric, droplets) + ")" }
	countBy := func(label string) query {
		return query{"count by (" + label + ") (" + one(droplets) + ")", "{{" + label + "}}"}
	}
	public := one(filtered(droplets, `public_ipv4!=""`))
	return spec{
		file: "droplets.json", uid: "digitalocean-droplets", title: "DigitalOcean / Droplets",
		description: "Droplets by size, region, status, tag and image, their capacity, which are reachable from the internet, " +
			"and their CPU, memory, filesystems and load from the Monitoring API.",
		variables: []variable{accountVariable(), regionVariable("digitalocean_droplet_info"), tagVariable("droplets")},
		rows: []row{
			{panels: []*panel{
				stat("Droplets", "", "none", query{"count(" + one(droplets) + ")", ""}),
				stat("vCPUs", "", "none", query{sum("digitalocean_droplet_vcpus"), ""}),
				stat("Memory", "", "bytes", query{sum("digitalocean_droplet_memory_bytes"), ""}),
				stat("Local disk", "", "bytes", query{sum("digitalocean_droplet_disk_bytes"), ""}),
				stat("With a public IPv4", "", "none", query{"count(" + public + ")", ""}),
				alarm("Off", "Droplets that are powered off: still billed.", query{"count(" + one(filtered(droplets, `status="off"`)) + ")", ""}),
			}},
			{title: "Mix", panels: []*panel{
				bars("By size", "", "none", countBy("size")),
				bars("By region", "", "none", countBy("region")),
				timeseries("By status", "", "none", countBy("status")),
				bars("By tag", "Droplets that carry each tag; one Droplet counts once per tag. Not filtered by region.", "none",
					query{"sum by (tag) (" + one(`digitalocean_tag_resources{`+byAccount+`, kind="droplets", tag=~"$tag"}`) + ")", "{{tag}}"}),
				bars("By image", "", "none", countBy("image")),
				timeseries("vCPUs by size", "", "none",
					query{"sum by (size) (" + joined("digitalocean_droplet_vcpus", droplets, "size") + ")", "{{size}}"}),
			}},
			{title: "Exposure", panels: []*panel{
				table("Droplets with a public IPv4 address", "Whether a firewall covers them is on the Security posture dashboard.",
					public, "", "name", "region", "public_ipv4=public IPv4", "status", "tags", "account"),
			}},
			dropletPerformance(),
			{title: "Inventory", panels: []*panel{
				sized(24, 12, table("Droplets", "", one(droplets), "",
					"name", "region", "size", "status", "image", "public_ipv4=public IPv4", "private_ipv4=private IPv4",
					"vpc_uuid=VPC", "tags", "account", "id")),
			}},
		},
	}
}
