// Package drift follows how an account's workloads change between
// refreshes, and how they differ from a baseline a team declares. It reads
// snapshots only; the refresher feeds it through its OnRefresh hook.
package drift

import (
	"slices"
	"strconv"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Kinds are the kinds of workload drift follows, in the order it reports them.
var Kinds = []string{inventory.KindDroplets, inventory.KindKubernetes, inventory.KindDatabases, inventory.KindApps}

// Workload is what drift compares of one workload, whatever its kind.
// Fields a kind does not have are empty.
type Workload struct {
	Kind    string
	ID      string
	Name    string
	Region  string
	Status  string // for an app, the phase of its newest deployment
	Size    string
	Version string
	Tags    []string // sorted
	Nodes   int      // a cluster's desired nodes, a database's nodes
}

// Workloads flattens one kind of a snapshot; nil for a kind drift does not follow.
func Workloads(s *inventory.Snapshot, kind string) []Workload {
	switch kind {
	case inventory.KindDroplets:
		return mapEach(s.Droplets, func(d *inventory.Droplet) Workload {
			return Workload{Kind: kind, ID: strconv.Itoa(d.ID), Name: d.Name, Region: d.Region,
				Status: d.Status, Size: d.Size, Tags: d.Tags}
		})
	case inventory.KindKubernetes:
		return mapEach(s.Clusters, func(c *inventory.Cluster) Workload {
			return Workload{Kind: kind, ID: c.ID, Name: c.Name, Region: c.Region,
				Status: c.Status, Version: c.Version, Tags: c.Tags, Nodes: desiredNodes(c)}
		})
	case inventory.KindDatabases:
		return mapEach(s.Databases, func(d *inventory.Database) Workload {
			return Workload{Kind: kind, ID: d.ID, Name: d.Name, Region: d.Region,
				Status: d.Status, Size: d.Size, Version: d.Version, Tags: d.Tags, Nodes: d.Nodes}
		})
	case inventory.KindApps:
		return mapEach(s.Apps, func(a *inventory.App) Workload {
			return Workload{Kind: kind, ID: a.ID, Name: a.Name, Region: a.Region, Status: a.Phase}
		})
	}
	return nil
}

func mapEach[T any](objects []T, toWorkload func(*T) Workload) []Workload {
	workloads := make([]Workload, len(objects))
	for i := range objects {
		workloads[i] = toWorkload(&objects[i])
	}
	return workloads
}

func desiredNodes(c *inventory.Cluster) int {
	n := 0
	for _, p := range c.NodePools {
		n += p.Count
	}
	return n
}

// field is one property of a workload that drift compares.
type field struct {
	name  string
	kinds []string // the kinds that have it
	value func(*Workload) string
}

// The kinds that have each property.
var (
	allKinds    = Kinds
	withSize    = []string{inventory.KindDroplets, inventory.KindDatabases}
	withVersion = []string{inventory.KindKubernetes, inventory.KindDatabases}
	withTags    = []string{inventory.KindDroplets, inventory.KindKubernetes, inventory.KindDatabases}
	withNodes   = []string{inventory.KindKubernetes, inventory.KindDatabases}
)

// fields lists every compared property, in the order changes name them.
var fields = []field{
	{"size", withSize, func(w *Workload) string { return w.Size }},
	{"status", allKinds, func(w *Workload) string { return w.Status }},
	{"version", withVersion, func(w *Workload) string { return w.Version }},
	{"region", allKinds, func(w *Workload) string { return w.Region }},
	{"tags", withTags, func(w *Workload) string { return strings.Join(w.Tags, ",") }},
	{"nodes", withNodes, func(w *Workload) string { return strconv.Itoa(w.Nodes) }},
}

// fieldNamed returns the compared property called name.
func fieldNamed(name string) field {
	i := slices.IndexFunc(fields, func(f field) bool { return f.name == name })
	return fields[i]
}
