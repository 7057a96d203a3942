package inventory

import (
	"time"

	"github.com/digitalocean/godo"
)

// KindReservedIPs are reserved IPv4 and IPv6 addresses.
const KindReservedIPs = "reservedips"

// ReservedIP is one reserved IPv4 or IPv6 address.
type ReservedIP struct {
	IP        string
	Version   int // 4 or 6
	Region    string
	DropletID int       // the Droplet it is assigned to; 0 when unassigned
	Created   time.Time // when an IPv6 address was reserved; zero for IPv4, which the API does not date
}

// Reserved IP states, as the projection shows them: the API gives no
// status, and whether an address is assigned is what a person asks of it
// (an unassigned one is still billed).
const (
	ReservedIPAssigned   = "assigned"
	ReservedIPUnassigned = "unassigned"
)

// State is ReservedIPAssigned or ReservedIPUnassigned.
func (r *ReservedIP) State() string {
	if r.DropletID != 0 {
		return ReservedIPAssigned
	}
	return ReservedIPUnassigned
}

// ReservedIPs lists both reserved address lists: IPv4 and IPv6.
var ReservedIPs = newList(listSpec[twoLists[godo.ReservedIP, godo.ReservedIPV6], ReservedIP]{
	Name: KindReservedIPs, Label: "Reserved IPs", Scope: "reserved_ip:read", URN: "floatingip",
	Fetch: both(
		paged("reserved IPs", func(c *godo.Client) listFunc[godo.ReservedIP] { return c.ReservedIPs.List }),
		paged("reserved IPv6s", func(c *godo.Client) listFunc[godo.ReservedIPV6] { return c.ReservedIPV6s.List })),
	Map: mapReservedIPs,
	Workload: func(r *ReservedIP) Workload {
		return Workload{ID: r.IP, Name: r.IP, Region: r.Region, Status: r.State(), Created: r.Created}
	},
	Columns: HasRegion | HasStatus,
	Attributes: []Attribute[ReservedIP]{
		// A move to another Droplet is a change, as is an (un)assignment.
		{Key: "droplet_id", Value: func(r *ReservedIP) any { return positive(r.DropletID) }, Drift: true},
		// Not "version": the inventory's version column is a workload's software version.
		{Key: "ip_version", Value: func(r *ReservedIP) any { return r.Version }},
	},
})

// mapReservedIPs maps IPv4 then IPv6 addresses.
func mapReservedIPs(lists twoLists[godo.ReservedIP, godo.ReservedIPV6]) []ReservedIP {
	return append(eachValue(mapReservedIPv4)(lists.first), eachValue(mapReservedIPv6)(lists.second)...)
}

func mapReservedIPv4(r *godo.ReservedIP) ReservedIP {
	return ReservedIP{IP: r.IP, Version: 4, Region: regionSlug(r.Region), DropletID: dropletIDOf(r.Droplet)}
}

func mapReservedIPv6(r *godo.ReservedIPV6) ReservedIP {
	return ReservedIP{IP: r.IP, Version: 6, Region: r.RegionSlug, DropletID: dropletIDOf(r.Droplet), Created: r.ReservedAt}
}

func dropletIDOf(d *godo.Droplet) int {
	if d == nil {
		return 0
	}
	return d.ID
}
