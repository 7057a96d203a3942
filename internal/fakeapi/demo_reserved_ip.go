package fakeapi

import "fmt"

// reservedIPPlan says which droplet a reserved address is assigned to in
// each round: the one of a role, or none, in a region of its own.
type reservedIPPlan struct {
	role   string // "" for an address assigned to nothing, and still billed
	region int    // the unassigned address's region, in the first round
}

// The web and api droplets keep their public address on reserved IPv4s,
// and the web droplets (which have IPv6) on reserved IPv6s; one of each is
// left assigned to nothing.
var (
	reservedIPv4Plans = []reservedIPPlan{{role: "web"}, {role: "api"}, {region: 1}}
	reservedIPv6Plans = []reservedIPPlan{{role: "web"}, {region: 2}}
)

func (b builder) reservedIPv4(i int) map[string]any {
	droplet, r := b.assignee(reservedIPv4Plans, i)
	ip := cloneObject(b.template(ReservedIPs, 0))
	ip["ip"], _ = publicIPv4(reservedHosts + i)
	ip["droplet"], ip["project_id"] = droplet, projectID(defaultProject)
	region := object(ip, "region")
	region["slug"], region["name"] = regions[r].slug, regions[r].name
	return ip
}

func (b builder) reservedIPv6(i int) map[string]any {
	droplet, r := b.assignee(reservedIPv6Plans, i)
	ip := cloneObject(b.template(ReservedIPv6s, 0))
	ip["ip"] = fmt.Sprintf("2604:a880:%x:f0::%x", r, i+1)
	ip["region_slug"], ip["reserved_at"] = regions[r].slug, stamp(createdAt(i, b.size[ReservedIPv6s]))
	if droplet != nil {
		ip["droplet"] = droplet
	}
	return ip
}

// assignee is the droplet that address i of plans is assigned to (nil for
// none, or when the account has no such droplet) and the address's region.
func (b builder) assignee(plans []reservedIPPlan, i int) (map[string]any, int) {
	p := plans[i%len(plans)]
	round := i / len(plans)
	if n := roleDroplet(p.role, round); p.role != "" && n < b.size[Droplets] {
		return b.droplet(n), dropletRegion(n)
	}
	return nil, (p.region + round) % len(regions)
}
