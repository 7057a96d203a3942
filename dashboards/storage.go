package dashboards

// byRegions filters kinds that live in several regions (snapshots, images),
// whose regions label is like tags: ",nyc1,sfo3,".
const byRegions = `regions=~"(.*,)?${region}[0-9]*(,.*)?"`

func storageDashboard() spec {
	volumes := selector("digitalocean_volume_info", byAccount, byRegion, byTag)
	snapshots := selector("digitalocean_snapshot_info", byAccount, byRegions, byTag)
	images := selector("digitalocean_image_info", byAccount, byRegions)
	reservedIPs := selector("digitalocean_reserved_ip_info", byAccount, byRegion)
	vpcs := selector("digitalocean_vpc_info", byAccount, byRegion)
	natGateways := selector("digitalocean_vpc_nat_gateway_info", byAccount, byRegion)
	cdn := selector("digitalocean_cdn_endpoint_info", byAccount)
	lbs := selector("digitalocean_load_balancer_info", byAccount, byRegion)
	unattached := "(" + joined("digitalocean_volume_attached_droplets", volumes, "name", "region") + ") == 0"
	count := func(info string) query { return query{"count(" + one(info) + ")", ""} }
	age := func(metric, info string, labels ...string) string {
		return "time() - " + joined(metric, info, labels...)
	}
	return spec{
		file: "storage-network.json", uid: "digitalocean-storage-network", title: "DigitalOcean / Storage and network",
		description: "Volumes attached and not, snapshots by age and size, images, reserved IPs assigned and not, VPCs, " +
			"NAT gateways, peerings and CDN endpoints, and the traffic and backend health of load balancers from the Monitoring API.",
		variables: []variable{accountVariable(),
			regionVariable("digitalocean_(volume|reserved_ip|vpc|vpc_nat_gateway|load_balancer)_info"), tagVariable("volumes|snapshots")},
		rows: []row{
			{panels: []*panel{
				stat("Volumes", "", "none", count(volumes)),
				alarm("Unattached volumes", "Volumes attached to no Droplet: still billed.", count(unattached)),
				stat("Volume storage", "", "bytes", query{"sum(" + joined("digitalocean_volume_size_bytes", volumes) + ")", ""}),
				stat("Snapshots", "", "none", count(snapshots)),
				stat("Snapshot storage", "", "bytes", query{"sum(" + joined("digitalocean_snapshot_size_bytes", snapshots) + ")", ""}),
				alarm("Unassigned reserved IPs", "Reserved IPs assigned to no Droplet: still billed.",
					count(filtered(reservedIPs, `droplet_id=""`))),
			}},
			{title: "Volumes", panels: []*panel{
				bars("Volume storage by region", "", "bytes",
					query{"sum by (region) (" + joined("digitalocean_volume_size_bytes", volumes, "region") + ")", "{{region}}"}),
				sized(16, 8, withUnit("bytes", table("Unattached volumes", "Attached to no Droplet, and still billed.",
					joined("digitalocean_volume_size_bytes", volumes, "name", "region", "tags")+
						" and on (account, id) (digitalocean_volume_attached_droplets == 0)",
					"size", "name", "region", "tags", "account"))),
				sized(24, 10, withUnit("bytes", table("Volumes", "", joined("digitalocean_volume_size_bytes", volumes,
					"name", "region", "filesystem_type", "tags"), "size", "name", "region", "filesystem_type=filesystem", "tags", "account", "id"))),
			}},
			{title: "Snapshots and images", panels: []*panel{
				bars("Snapshot storage by resource type", "Droplet and volume snapshots.", "bytes",
					query{"sum by (resource_type) (" + joined("digitalocean_snapshot_size_bytes", snapshots, "resource_type") + ")",
						"{{resource_type}}"}),
				sized(16, 10, withUnit("s", table("Snapshots by age", "The oldest first: each is billed for its size every month.",
					"sort_desc("+age("digitalocean_snapshot_created_timestamp_seconds", snapshots, "name", "resource_type", "regions")+")",
					"age", "name", "resource_type=of", "regions", "account"))),
				sized(24, 8, withUnit("bytes", table("Images", "The account's own images: snapshots, backups and custom images.",
					joined("digitalocean_image_size_bytes", images, "name", "type", "distribution", "status", "regions"),
					"size", "name", "type", "distribution", "status", "regions", "account"))),
			}},
			{title: "Reserved IPs", panels: []*panel{
				bars("Reserved IPs by region", "", "none", query{"count by (region) (" + one(reservedIPs) + ")", "{{region}}"}),
				sized(16, 8, table("Reserved IPs", "droplet_id is empty for an address assigned to nothing.",
					one(reservedIPs), "", "ip", "version", "region", "droplet_id=Droplet", "account")),
			}},
			{title: "Networks", panels: []*panel{
				sized(12, 8, table("VPCs", "", one(vpcs), "", "name", "region", "ip_range=IP range", "default", "account")),
				sized(12, 8, table("NAT gateways", "", one(natGateways), "", "name", "region", "state", "vpc_id=VPC", "account")),
				sized(12, 8, table("VPC peerings", "", one(selector("digitalocean_vpc_peering_info", byAccount)), "",
					"name", "status", "account")),
				sized(12, 8, withUnit("s", table("CDN endpoints", "Cache TTL of each endpoint.",
					joined("digitalocean_cdn_endpoint_ttl_seconds", cdn, "origin", "endpoint", "custom_domain"),
					"TTL", "origin", "endpoint", "custom_domain=custom domain", "account"))),
			}},
			loadBalancerTraffic(lbs),
		},
	}
}
