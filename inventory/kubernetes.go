package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

// fetchClusters lists Kubernetes clusters; their node pools come with them.
func fetchClusters(ctx context.Context, c *godo.Client) ([]*godo.KubernetesCluster, error) {
	clusters, err := listAll(ctx, c.Kubernetes.List)
	if err != nil {
		return nil, fmt.Errorf("list kubernetes clusters: %w", err)
	}
	return clusters, nil
}

func mapClusters(in []*godo.KubernetesCluster) []Cluster {
	clusters := make([]Cluster, 0, len(in))
	for _, c := range in {
		if c == nil {
			continue
		}
		clusters = append(clusters, Cluster{
			ID:           c.ID,
			Name:         c.Name,
			Region:       c.RegionSlug,
			Version:      c.VersionSlug,
			Status:       clusterState(c.Status),
			VPCUUID:      c.VPCUUID,
			HA:           c.HA,
			AutoUpgrade:  c.AutoUpgrade,
			SurgeUpgrade: c.SurgeUpgrade,
			Tags:         sortedTags(c.Tags),
			NodePools:    mapNodePools(c.NodePools),
			Created:      c.CreatedAt,
		})
	}
	return clusters
}

func clusterState(s *godo.KubernetesClusterStatus) string {
	if s == nil {
		return ""
	}
	return string(s.State)
}

func mapNodePools(in []*godo.KubernetesNodePool) []NodePool {
	pools := make([]NodePool, 0, len(in))
	for _, p := range in {
		if p == nil {
			continue
		}
		pools = append(pools, NodePool{
			ID:        p.ID,
			Name:      p.Name,
			Size:      p.Size,
			Count:     p.Count,
			AutoScale: p.AutoScale,
			MinNodes:  p.MinNodes,
			MaxNodes:  p.MaxNodes,
			Nodes:     mapNodes(p.Nodes),
		})
	}
	return pools
}

func mapNodes(in []*godo.KubernetesNode) []Node {
	nodes := make([]Node, 0, len(in))
	for _, n := range in {
		if n == nil {
			continue
		}
		state := ""
		if n.Status != nil {
			state = n.Status.State
		}
		nodes = append(nodes, Node{ID: n.ID, Name: n.Name, State: state, DropletID: n.DropletID})
	}
	return nodes
}
