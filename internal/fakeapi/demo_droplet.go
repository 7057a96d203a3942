package fakeapi

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// dropletRole is what a droplet is for; it sets its name, tags and size.
type dropletRole struct {
	name   string
	tags   []string
	sizes  []string // slugs, taken in turn
	public bool     // has a public IPv4 address
}

var dropletRoles = []dropletRole{
	{"web", []string{"production", "env:prod", "web", "team-a"}, []string{"s-1vcpu-2gb", "s-2vcpu-4gb"}, true},
	{"api", []string{"production", "env:prod", "team-b"}, []string{"s-2vcpu-4gb", "c-4"}, true},
	{"db", []string{"production", "db", "team-b"}, []string{"g-2vcpu-8gb"}, false},
	{"worker", []string{"k8s:worker", "team-a"}, []string{"s-4vcpu-8gb"}, false},
	{"staging", []string{"staging", "web"}, []string{"s-1vcpu-1gb", "s-1vcpu-2gb"}, true},
	{"bastion", nil, []string{"s-1vcpu-1gb"}, true},
}

// dropletSize is a droplet plan: of droplets, and of the nodes of node pools.
type dropletSize struct {
	vcpus, memoryMB, diskGB int
	priceMonthly            float64
	description             string
}

var dropletSizes = map[string]dropletSize{
	"s-1vcpu-1gb":  {1, 1024, 25, 6, "Basic"},
	"s-1vcpu-2gb":  {1, 2048, 50, 12, "Basic"},
	"s-2vcpu-4gb":  {2, 4096, 80, 24, "Basic"},
	"s-4vcpu-8gb":  {4, 8192, 160, 48, "Basic"},
	"c-4":          {4, 8192, 50, 84, "CPU-Optimized"},
	"g-2vcpu-8gb":  {2, 8192, 25, 63, "General Purpose"},
	"g-4vcpu-16gb": {4, 16384, 50, 126, "General Purpose"},
}

// image is a distribution image.
type image struct {
	id                 int
	slug, name, distro string
}

var images = []image{
	{160232537, "ubuntu-24-04-x64", "24.04 (LTS) x64", "Ubuntu"},
	{155412356, "debian-12-x64", "12 x64", "Debian"},
	{153860237, "rockylinux-9-x64", "9 x64", "Rocky Linux"},
}

// The ids of plain and GPU droplets, apart so the two lists never share one.
const (
	firstDropletID    = 410000001
	firstGPUDropletID = 448600001
)

// droplet i is a plain droplet; the roles take turns, and each round of
// roles moves to the next region. The newest droplet is still being created.
func (b builder) droplet(i int) map[string]any {
	role := dropletRoles[i%len(dropletRoles)]
	r := dropletRegion(i)
	serial := i/(len(dropletRoles)*len(regions)) + 1
	slug := role.sizes[i/len(dropletRoles)%len(role.sizes)]

	d := cloneObject(b.template(Droplets, 0))
	d["id"] = dropletID(i)
	d["name"] = fmt.Sprintf("%s-%s-%02d", role.name, regions[r].slug, serial)
	d["status"] = dropletStatus(i, b.size[Droplets])
	d["created_at"] = stamp(createdAt(i, b.size[Droplets]))
	d["tags"] = append([]string{}, role.tags...) // [] when untagged, as the API sends
	setDropletSize(d, slug, dropletSizes[slug])
	setDropletImage(d, images[i%len(images)])
	setDropletRegion(d, r)
	ipv6, backups := i%3 == 0, i%4 == 0
	setDropletNetworks(d, i, r, role.public, ipv6)
	setDropletBackups(d, backups)
	d["features"] = dropletFeatures(ipv6, backups)
	return d
}

func dropletID(i int) int { return firstDropletID + i }

// dropletRegion is the region of plain droplet i: each round of roles is in
// the next region.
func dropletRegion(i int) int { return (i / len(dropletRoles)) % len(regions) }

// roleDroplet is the number of the droplet of role in round: each round of
// droplets has one of each role.
func roleDroplet(role string, round int) int {
	return round*len(dropletRoles) + slices.IndexFunc(dropletRoles, func(r dropletRole) bool { return r.name == role })
}

// roleDroplets are the ids of the account's droplets of role in n rounds
// from round from. They are nil for no role.
func (b builder) roleDroplets(role string, from, n int) []int {
	if role == "" {
		return nil
	}
	ids := []int{}
	for round := from; round < from+n; round++ {
		if i := roleDroplet(role, round); i < b.size[Droplets] {
			ids = append(ids, dropletID(i))
		}
	}
	return ids
}

func dropletStatus(i, n int) string {
	switch {
	case i == n-1:
		return "new"
	case i%10 == 8:
		return "off"
	}
	return "active"
}

// gpuDroplet i is a GPU droplet in Toronto, like the example one.
func (b builder) gpuDroplet(i int) map[string]any {
	tor1 := len(regions) - 1
	d := cloneObject(b.template(GPUDroplets, 0))
	d["id"] = firstGPUDropletID + i
	d["name"] = fmt.Sprintf("ml-training-%s-%02d", regions[tor1].slug, i+1)
	d["created_at"] = stamp(createdAt(i, b.size[GPUDroplets]).Add(history / 2))
	d["tags"] = []string{"team-b", "staging"}
	setDropletRegion(d, tor1)
	setDropletNetworks(d, gpuHosts+i, tor1, true, false)
	return d
}

func setDropletSize(d map[string]any, slug string, s dropletSize) {
	d["size_slug"] = slug
	d["vcpus"], d["memory"], d["disk"] = s.vcpus, s.memoryMB, s.diskGB
	size := object(d, "size")
	size["slug"] = slug
	size["vcpus"], size["memory"], size["disk"] = s.vcpus, s.memoryMB, s.diskGB
	size["price_monthly"] = s.priceMonthly
	size["price_hourly"] = hourlyPrice(s.priceMonthly)
	size["description"] = s.description
	object(first(d, "disk_info"), "size")["amount"] = s.diskGB
}

// hourlyPrice is the hourly price of a monthly one: a month's price is
// billed over at most 672 hours (28 days).
func hourlyPrice(monthly float64) float64 { return math.Round(monthly/672*1e5) / 1e5 }

func setDropletImage(d map[string]any, img image) {
	i := object(d, "image")
	i["id"], i["slug"], i["name"], i["distribution"] = img.id, img.slug, img.name, img.distro
}

func setDropletRegion(d map[string]any, r int) {
	region := object(d, "region")
	region["slug"], region["name"] = regions[r].slug, regions[r].name
	d["vpc_uuid"] = vpcUUID(regions[r])
}

// setDropletNetworks gives host number n its addresses in region r: always
// a private IPv4, and a public IPv4 and an IPv6 address when asked.
func setDropletNetworks(d map[string]any, n, r int, public, ipv6 bool) {
	networks := object(d, "networks")
	private := first(networks, "v4")
	private["ip_address"] = privateIPv4(r, n)
	v4 := []any{private}
	if public {
		addr := cloneValue(networks["v4"].([]any)[1]).(map[string]any)
		addr["ip_address"], addr["gateway"] = publicIPv4(n)
		v4 = append(v4, addr)
	}
	networks["v4"], networks["v6"] = v4, []any{}
	if ipv6 {
		ip, gateway := publicIPv6(r, n)
		networks["v6"] = []any{map[string]any{"ip_address": ip, "netmask": 64, "gateway": gateway, "type": "public"}}
	}
}

// setDropletBackups gives a droplet with backups one backup and a window
// for the next, on the day after the history ends.
func setDropletBackups(d map[string]any, on bool) {
	d["snapshot_ids"], d["volume_ids"] = []int{}, []string{}
	if !on {
		d["backup_ids"], d["next_backup_window"] = []int{}, nil
		return
	}
	d["backup_ids"] = []int{d["id"].(int) + 90000000}
	start := epoch.Add(history).Truncate(24 * time.Hour).Add(24 * time.Hour)
	d["next_backup_window"] = map[string]any{"start": stamp(start), "end": stamp(start.Add(23 * time.Hour))}
}

func dropletFeatures(ipv6, backups bool) []string {
	features := []string{"private_networking", "monitoring"}
	if ipv6 {
		features = append(features, "ipv6")
	}
	if backups {
		features = append(features, "backups")
	}
	return features
}
