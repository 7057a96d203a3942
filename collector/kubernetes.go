package collector

import (
	"slices"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	kubernetesClusterInfo = newDesc("kubernetes_cluster", "info",
		"Descriptive labels of each Kubernetes cluster, as of the last refresh; value 1.",
		"id", "name", "region", "version", "status", "ha", "auto_upgrade", "surge_upgrade", "vpc_uuid", "tags")
	kubernetesClusterCreated = newDesc("kubernetes_cluster", "created_timestamp_seconds",
		"When each Kubernetes cluster was created, in Unix seconds, as of the last refresh.", "id")
	kubernetesNodePoolInfo = newDesc("kubernetes_node_pool", "info",
		"Descriptive labels of each node pool, as of the last refresh; value 1.",
		"cluster_id", "id", "name", "size", "auto_scale")
	kubernetesNodePoolNodes = newDesc("kubernetes_node_pool", "nodes",
		"Desired number of nodes of each node pool, as of the last refresh.", "cluster_id", "id")
	kubernetesNodePoolMinNodes = newDesc("kubernetes_node_pool", "min_nodes",
		"Fewest nodes an autoscaled node pool scales down to; absent for a pool that does not autoscale, as of the last refresh.",
		"cluster_id", "id")
	kubernetesNodePoolMaxNodes = newDesc("kubernetes_node_pool", "max_nodes",
		"Most nodes an autoscaled node pool scales up to; absent for a pool that does not autoscale, as of the last refresh.",
		"cluster_id", "id")
	kubernetesNodePoolPrice = newDesc("kubernetes_node_pool", "price_monthly_dollars",
		"List price of each node pool a month in dollars: its size's price in the sizes list times its desired node count; "+
			"absent when the sizes list does not price its size. The control plane of an HA cluster is not included: "+
			"the API gives no price for it.", "cluster_id", "id")
	kubernetesNodes = newDesc("kubernetes", "nodes",
		"Number of nodes each node pool actually has, by node state, as of the last refresh.",
		"cluster_id", "pool_id", "state")
	kubernetesUpgradeAvailable = newDesc("kubernetes_cluster", "upgrade_available",
		"1 for each version a cluster can upgrade to; absent when it runs the newest, as of the last refresh of upgrades.",
		"id", "target_version")
	kubernetesClusterlintDiagnostics = newDesc("kubernetes", "clusterlint_diagnostics",
		"Diagnostics of each cluster's latest clusterlint run by check and severity (error, warning, suggestion), "+
			"as of the last refresh of clusterlint results.", "cluster_id", "check", "severity")
	kubernetesClusters = newDesc("kubernetes", "clusters",
		"Number of Kubernetes clusters by region, version and status, as of the last refresh.",
		"region", "version", "status")
)

func newKubernetesCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindKubernetes, src, collectClusters, kubernetesClusterInfo,
		kubernetesClusterCreated, kubernetesNodePoolInfo, kubernetesNodePoolNodes, kubernetesNodePoolMinNodes,
		kubernetesNodePoolMaxNodes, kubernetesNodePoolPrice, kubernetesNodes, kubernetesUpgradeAvailable,
		kubernetesClusterlintDiagnostics, kubernetesClusters)
}

func collectClusters(out emit, s *inventory.Snapshot) {
	byGroup := counts{}
	upgrades, lint := inventory.KubernetesUpgrades.Of(s), inventory.KubernetesClusterlint.Of(s)
	sizes := inventory.SizePrices(s)
	clusters := inventory.Clusters.Of(s)
	for i := range clusters {
		c := &clusters[i]
		gauge(out, kubernetesClusterInfo, 1, s.Account, c.ID, c.Name, c.Region, c.Version, c.Status,
			boolLabel(c.HA), boolLabel(c.AutoUpgrade), boolLabel(c.SurgeUpgrade), c.VPCUUID, tagsLabel(c.Tags))
		timestamp(out, kubernetesClusterCreated, c.Created, s.Account, c.ID)
		for _, version := range slices.Compact(slices.Sorted(slices.Values(upgrades[c.ID]))) {
			gauge(out, kubernetesUpgradeAvailable, 1, s.Account, c.ID, version)
		}
		for check, n := range lint[c.ID] {
			gauge(out, kubernetesClusterlintDiagnostics, float64(n), s.Account, c.ID, check.Check, check.Severity)
		}
		for j := range c.NodePools {
			collectNodePool(out, s.Account, c.ID, &c.NodePools[j], sizes)
		}
		byGroup.add(c.Region, c.Version, c.Status)
	}
	byGroup.send(out, kubernetesClusters, s.Account)
}

func collectNodePool(out emit, account, clusterID string, p *inventory.NodePool, sizes map[string]float64) {
	gauge(out, kubernetesNodePoolInfo, 1, account, clusterID, p.ID, p.Name, p.Size, boolLabel(p.AutoScale))
	gauge(out, kubernetesNodePoolNodes, float64(p.Count), account, clusterID, p.ID)
	if price, ok := p.MonthlyPrice(sizes); ok {
		gauge(out, kubernetesNodePoolPrice, price, account, clusterID, p.ID)
	}
	if p.AutoScale {
		gauge(out, kubernetesNodePoolMinNodes, float64(p.MinNodes), account, clusterID, p.ID)
		gauge(out, kubernetesNodePoolMaxNodes, float64(p.MaxNodes), account, clusterID, p.ID)
	}
	byState := counts{}
	for _, n := range p.Nodes {
		byState.add(clusterID, p.ID, n.State)
	}
	byState.send(out, kubernetesNodes, account)
}
