package inventory

import (
	"context"
	"strings"
	"time"

	"github.com/digitalocean/godo"
)

// Kubernetes kinds: the clusters with their node pools, and the versions
// each cluster can upgrade to and the diagnostics of its latest
// clusterlint run, one request per cluster each.
const (
	KindKubernetes            = "kubernetes"
	KindKubernetesUpgrades    = "kubernetes_upgrades"
	KindKubernetesClusterlint = "kubernetes_clusterlint"
)

// Cluster is one Kubernetes cluster with its node pools.
type Cluster struct {
	ID           string
	Name         string
	Region       string
	Version      string
	Status       string
	VPCUUID      string
	HA           bool
	AutoUpgrade  bool
	SurgeUpgrade bool
	Tags         []string // sorted
	NodePools    []NodePool
	Created      time.Time
}

// NodePool is one node pool of a cluster; Count is the desired node count.
type NodePool struct {
	ID        string
	Name      string
	Size      string
	Count     int
	AutoScale bool
	MinNodes  int
	MaxNodes  int
	Nodes     []Node
}

// Node is one node of a pool as the API last saw it.
type Node struct {
	ID        string
	Name      string
	State     string
	DropletID string
}

// DesiredNodes is the sum of the desired node counts of the cluster's pools.
func (c *Cluster) DesiredNodes() int {
	n := 0
	for _, p := range c.NodePools {
		n += p.Count
	}
	return n
}

// Clusters lists the Kubernetes clusters; their node pools come with them.
var Clusters = newList(listSpec[[]clusterWire, Cluster]{
	Name: KindKubernetes, Label: "Kubernetes clusters", Scope: "kubernetes:read", URN: "kubernetes",
	Fetch: pagedRaw[clusterWire]("kubernetes clusters", "v2/kubernetes/clusters", "kubernetes_clusters"),
	Map:   eachValue(mapCluster),
	Workload: func(c *Cluster) Workload {
		return Workload{ID: c.ID, Name: c.Name, Region: c.Region, Status: c.Status, Version: c.Version,
			Tags: c.Tags, Created: c.Created}
	},
	Columns: HasRegion | HasStatus | HasVersion | HasTags,
	Attributes: []Attribute[Cluster]{
		{Key: "node_pools", Value: func(c *Cluster) any { return len(c.NodePools) }},
		{Key: "nodes", Value: func(c *Cluster) any { return c.DesiredNodes() }, Drift: true},
		{Key: "ha", Value: func(c *Cluster) any { return c.HA }},
		{Key: "auto_upgrade", Value: func(c *Cluster) any { return c.AutoUpgrade }},
		{Key: "surge_upgrade", Value: func(c *Cluster) any { return c.SurgeUpgrade }},
		{Key: "vpc_uuid", Value: func(c *Cluster) any { return c.VPCUUID }},
	},
})

// KubernetesUpgrades lists the versions each cluster can upgrade to, by
// cluster ID.
var KubernetesUpgrades = newDetail(detailSpec[Cluster, []*godo.KubernetesVersion, []string]{
	Name: KindKubernetesUpgrades, Scope: "kubernetes:read", Parent: Clusters,
	ID: func(c *Cluster) string { return c.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) ([]*godo.KubernetesVersion, error) {
		versions, _, err := c.Kubernetes.GetUpgrades(ctx, id)
		return versions, err
	},
	Map: mapUpgrades,
})

// LintCheck is a clusterlint check and the severity of its diagnostics.
type LintCheck struct{ Check, Severity string }

// KubernetesClusterlint counts the diagnostics of each cluster's latest
// clusterlint run by check and severity, by cluster ID. A cluster never
// linted (404) is left out.
var KubernetesClusterlint = newDetail(detailSpec[Cluster, []*godo.ClusterlintDiagnostic, map[LintCheck]int]{
	Name: KindKubernetesClusterlint, Scope: "kubernetes:read", Parent: Clusters,
	ID: func(c *Cluster) string { return c.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) ([]*godo.ClusterlintDiagnostic, error) {
		diagnostics, _, err := c.Kubernetes.GetClusterlintResults(ctx, id, nil)
		return diagnostics, err
	},
	Map: lintByCheck,
})

func lintByCheck(diagnostics []*godo.ClusterlintDiagnostic) map[LintCheck]int {
	byCheck := map[LintCheck]int{}
	for _, d := range diagnostics {
		if d != nil {
			byCheck[LintCheck{d.CheckName, d.Severity}]++
		}
	}
	return byCheck
}

// clusterWire is a cluster as the list gives it, with its state read as
// a plain string: godo refuses a state it does not know, which would fail
// the whole list the day the API adds one.
type clusterWire struct {
	godo.KubernetesCluster
	Status *struct {
		State string `json:"state"`
	} `json:"status"` // shadows the embedded Status
}

func mapCluster(w *clusterWire) Cluster {
	c := &w.KubernetesCluster
	state := ""
	if w.Status != nil {
		state = strings.ToLower(w.Status.State)
	}
	return Cluster{
		ID:           c.ID,
		Name:         c.Name,
		Region:       c.RegionSlug,
		Version:      c.VersionSlug,
		Status:       state,
		VPCUUID:      c.VPCUUID,
		HA:           c.HA,
		AutoUpgrade:  c.AutoUpgrade,
		SurgeUpgrade: c.SurgeUpgrade,
		Tags:         sortedTags(c.Tags),
		NodePools:    each(mapNodePool)(c.NodePools),
		Created:      c.CreatedAt,
	}
}

func mapNodePool(p *godo.KubernetesNodePool) NodePool {
	return NodePool{
		ID:        p.ID,
		Name:      p.Name,
		Size:      p.Size,
		Count:     p.Count,
		AutoScale: p.AutoScale,
		MinNodes:  p.MinNodes,
		MaxNodes:  p.MaxNodes,
		Nodes:     each(mapNode)(p.Nodes),
	}
}

func mapNode(n *godo.KubernetesNode) Node {
	state := ""
	if n.Status != nil {
		state = n.Status.State
	}
	return Node{ID: n.ID, Name: n.Name, State: state, DropletID: n.DropletID}
}

func mapUpgrades(versions []*godo.KubernetesVersion) []string {
	var slugs []string
	for _, v := range versions {
		if v != nil {
			slugs = append(slugs, v.Slug)
		}
	}
	return slugs
}
