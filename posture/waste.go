package posture

import (
	"slices"
	"strconv"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Waste is what an account pays for and does not use. Each reason is also
// a posture check, waste_<reason>, of severity low.
const (
	WasteVolumeUnattached           = "volume_unattached"
	WasteReservedIPUnassigned       = "reserved_ip_unassigned"
	WasteSnapshotOld                = "snapshot_old"
	WasteDropletOff                 = "droplet_off"
	WasteLoadBalancerWithoutTargets = "load_balancer_without_targets"
)

// Wasted is one resource wasted for one reason, with its monthly list
// price when the API gives it.
type Wasted struct {
	Reason, Kind, ID, Name, Region string
	MonthlyPrice                   float64
	Priced                         bool
}

// WasteReason says how the resources wasted for one reason are found.
type WasteReason struct {
	Reason string
	Kind   string   // the inventory kind of its resources
	Needs  []string // the inventory kinds it reads; unknown lists mean no verdict
	// Priced tells whether the API prices its resources at all: only
	// Droplets carry a price. Volumes, reserved IPs, snapshots and load
	// balancers have none in the API, so their waste has no dollars.
	Priced bool
	find   func(s *inventory.Snapshot) []Wasted
}

// WasteReasons lists every reason, in the order docs/cost-and-waste.md explains them.
var WasteReasons = []WasteReason{
	{WasteVolumeUnattached, inventory.KindVolumes, []string{inventory.KindVolumes}, false, unattachedVolumes},
	{WasteReservedIPUnassigned, inventory.KindReservedIPs, []string{inventory.KindReservedIPs}, false, unassignedReservedIPs},
	{WasteSnapshotOld, inventory.KindSnapshots, []string{inventory.KindSnapshots}, false, oldSnapshots},
	{WasteDropletOff, inventory.KindDroplets, []string{inventory.KindDroplets}, true, dropletsOff},
	{WasteLoadBalancerWithoutTargets, inventory.KindLoadBalancers,
		[]string{inventory.KindLoadBalancers, inventory.KindDroplets}, false, loadBalancersWithoutTargets},
}

// Known tells whether every list the reason reads is known in s.
func (r WasteReason) Known(s *inventory.Snapshot) bool {
	return !slices.ContainsFunc(r.Needs, func(kind string) bool { return !s.Status[kind].Known() })
}

// Find lists the resources of s wasted for this reason; nil when its
// lists are unknown.
func (r WasteReason) Find(s *inventory.Snapshot) []Wasted {
	if !r.Known(s) {
		return nil
	}
	return r.find(s)
}

// wasteChecks are the reasons as posture checks.
func wasteChecks() []Check {
	checks := make([]Check, len(WasteReasons))
	for i, r := range WasteReasons {
		checks[i] = Check{"waste_" + r.Reason, "low", r.Needs, func(s *inventory.Snapshot) []Ref {
			var refs []Ref
			for _, w := range r.find(s) {
				refs = append(refs, Ref{w.Kind, w.ID, w.Name})
			}
			return refs
		}}
	}
	return checks
}

func unattachedVolumes(s *inventory.Snapshot) []Wasted {
	return wastedOf(inventory.Volumes.Of(s), WasteVolumeUnattached, func(v *inventory.Volume) (Wasted, bool) {
		return Wasted{Kind: inventory.KindVolumes, ID: v.ID, Name: v.Name, Region: v.Region},
			v.State() == inventory.VolumeUnattached
	})
}

func unassignedReservedIPs(s *inventory.Snapshot) []Wasted {
	return wastedOf(inventory.ReservedIPs.Of(s), WasteReservedIPUnassigned, func(r *inventory.ReservedIP) (Wasted, bool) {
		return Wasted{Kind: inventory.KindReservedIPs, ID: r.IP, Name: r.IP, Region: r.Region},
			r.State() == inventory.ReservedIPUnassigned
	})
}

// oldSnapshots are snapshots taken longer than the settings' snapshot age
// before the snapshots were listed.
func oldSnapshots(s *inventory.Snapshot) []Wasted {
	age := s.Settings.SnapshotAge
	if age <= 0 {
		age = inventory.DefaultSnapshotAge
	}
	cutoff := s.Status[inventory.KindSnapshots].LastSuccess.Add(-age)
	return wastedOf(inventory.ResourceSnapshots.Of(s), WasteSnapshotOld, func(r *inventory.ResourceSnapshot) (Wasted, bool) {
		// No region: a snapshot may be kept in several.
		return Wasted{Kind: inventory.KindSnapshots, ID: r.ID, Name: r.Name},
			!r.Created.IsZero() && r.Created.Before(cutoff)
	})
}

// dropletsOff are Droplets powered off: billed as if they ran.
func dropletsOff(s *inventory.Snapshot) []Wasted {
	return wastedOf(inventory.Droplets.Of(s), WasteDropletOff, func(d *inventory.Droplet) (Wasted, bool) {
		return Wasted{Kind: inventory.KindDroplets, ID: strconv.Itoa(d.ID), Name: d.Name, Region: d.Region,
			MonthlyPrice: d.PriceMonthly, Priced: d.PriceMonthly > 0}, d.Status == "off"
	})
}

// loadBalancersWithoutTargets are load balancers with no Droplet behind
// them, by ID or by tag.
func loadBalancersWithoutTargets(s *inventory.Snapshot) []Wasted {
	droplets := inventory.Droplets.Of(s)
	return wastedOf(inventory.LoadBalancers.Of(s), WasteLoadBalancerWithoutTargets, func(lb *inventory.LoadBalancer) (Wasted, bool) {
		return Wasted{Kind: inventory.KindLoadBalancers, ID: lb.ID, Name: lb.Name, Region: lb.Region},
			LoadBalancerTargets(lb, droplets) == 0
	})
}

// wastedOf lists the items that are wasted for reason.
func wastedOf[T any](items []T, reason string, wasted func(*T) (Wasted, bool)) []Wasted {
	var out []Wasted
	for i := range items {
		if w, ok := wasted(&items[i]); ok {
			w.Reason = reason
			out = append(out, w)
		}
	}
	return out
}
