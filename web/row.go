package web

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Kinds lists the workload kinds of the inventory, in the order it shows them.
var Kinds = []string{inventory.KindDroplets, inventory.KindKubernetes, inventory.KindDatabases, inventory.KindApps}

// Row is one workload of one account, flattened so that every kind fits the
// same columns. Fields a kind does not have are empty.
type Row struct {
	Kind            string     `json:"kind"`
	Account         string     `json:"account"`
	ID              string     `json:"id"`
	Name            string     `json:"name"`
	Region          string     `json:"region"`
	Status          string     `json:"status"` // for apps, the phase of the newest deployment
	Size            string     `json:"size"`
	Version         string     `json:"version"`
	Engine          string     `json:"engine"`
	Tags            []string   `json:"tags"`
	Created         *time.Time `json:"created"`
	PublicAddresses []string   `json:"public_addresses"`
	// Attributes are the kind's own facts; attributeColumns names them all.
	Attributes map[string]any `json:"attributes"`
}

// attributeColumns lists every attribute key of every kind, in CSV order.
var attributeColumns = []string{
	"vcpus", "memory_bytes", "disk_bytes", "image", "vpc_uuid", "private_ipv4", "gpu",
	"node_pools", "nodes", "ha", "auto_upgrade", "surge_upgrade",
	"storage_bytes", "tier", "components", "instances",
}

// Refresh is how the last refresh of one kind of one account went.
type Refresh struct {
	Account     string     `json:"account"`
	Kind        string     `json:"kind"`
	LastSuccess *time.Time `json:"last_success"` // nil until a refresh worked
	Succeeded   bool       `json:"succeeded"`    // the last refresh worked
	Reason      string     `json:"reason"`       // why the last refresh failed; "" when it worked
	Pending     bool       `json:"pending"`      // no refresh has finished yet
}

// Fleet is every workload of every account, with the state of the data.
type Fleet struct {
	Refreshes []Refresh `json:"refreshes"`
	Workloads []Row     `json:"workloads"`
}

// newFleet flattens snapshots into rows, account by account and kind by
// kind. A kind whose list was never fetched, or that is not enabled, gives
// no rows: unknown is absent, not empty.
func newFleet(snapshots []*inventory.Snapshot) Fleet {
	fleet := Fleet{Refreshes: []Refresh{}, Workloads: []Row{}}
	for _, s := range snapshots {
		for _, kind := range Kinds {
			status, enabled := s.Status[kind]
			if !enabled {
				continue
			}
			fleet.Refreshes = append(fleet.Refreshes, Refresh{
				Account: s.Account, Kind: kind, LastSuccess: timeOrNil(status.LastSuccess),
				Succeeded: status.Succeeded(), Reason: string(status.Reason), Pending: status.Refreshes == 0,
			})
			if status.Known() {
				fleet.Workloads = append(fleet.Workloads, sortedRows(rowsOf(s, kind))...)
			}
		}
	}
	return fleet
}

func rowsOf(s *inventory.Snapshot, kind string) []Row {
	switch kind {
	case inventory.KindDroplets:
		return mapRows(s.Account, s.Droplets, dropletRow)
	case inventory.KindKubernetes:
		return mapRows(s.Account, s.Clusters, clusterRow)
	case inventory.KindDatabases:
		return mapRows(s.Account, s.Databases, databaseRow)
	case inventory.KindApps:
		return mapRows(s.Account, s.Apps, appRow)
	}
	return nil
}

func mapRows[T any](account string, objects []T, toRow func(*T) Row) []Row {
	rows := make([]Row, len(objects))
	for i := range objects {
		rows[i] = toRow(&objects[i])
		rows[i].Account = account
		rows[i].Tags = nonNil(rows[i].Tags)
		rows[i].PublicAddresses = nonNil(rows[i].PublicAddresses)
	}
	return rows
}

func sortedRows(rows []Row) []Row {
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

func dropletRow(d *inventory.Droplet) Row {
	var public []string
	for _, addr := range []string{d.PublicIPv4, d.PublicIPv6} {
		if addr != "" {
			public = append(public, addr)
		}
	}
	return Row{
		Kind: inventory.KindDroplets, ID: strconv.Itoa(d.ID), Name: d.Name, Region: d.Region,
		Status: d.Status, Size: d.Size, Tags: d.Tags, Created: timeOrNil(d.Created), PublicAddresses: public,
		Attributes: map[string]any{
			"vcpus": d.VCPUs, "memory_bytes": d.MemoryBytes, "disk_bytes": d.DiskBytes, "image": d.Image,
			"vpc_uuid": d.VPCUUID, "private_ipv4": d.PrivateIPv4, "gpu": d.GPU,
		},
	}
}

func clusterRow(c *inventory.Cluster) Row {
	nodes := 0
	for _, p := range c.NodePools {
		nodes += p.Count
	}
	return Row{
		Kind: inventory.KindKubernetes, ID: c.ID, Name: c.Name, Region: c.Region, Status: c.Status,
		Version: c.Version, Tags: c.Tags, Created: timeOrNil(c.Created),
		Attributes: map[string]any{
			"node_pools": len(c.NodePools), "nodes": nodes, "ha": c.HA, "auto_upgrade": c.AutoUpgrade,
			"surge_upgrade": c.SurgeUpgrade, "vpc_uuid": c.VPCUUID,
		},
	}
}

func databaseRow(d *inventory.Database) Row {
	attributes := map[string]any{"nodes": d.Nodes}
	if d.StorageBytes > 0 {
		attributes["storage_bytes"] = d.StorageBytes
	}
	return Row{
		Kind: inventory.KindDatabases, ID: d.ID, Name: d.Name, Region: d.Region, Status: d.Status,
		Size: d.Size, Version: d.Version, Engine: d.Engine, Tags: d.Tags, Created: timeOrNil(d.Created),
		Attributes: attributes,
	}
}

func appRow(a *inventory.App) Row {
	var instances int64
	for _, c := range a.Components {
		instances += c.Instances
	}
	return Row{
		Kind: inventory.KindApps, ID: a.ID, Name: a.Name, Region: a.Region, Status: a.Phase,
		Created: timeOrNil(a.Created),
		Attributes: map[string]any{
			"tier": a.Tier, "components": len(a.Components), "instances": instances,
		},
	}
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
