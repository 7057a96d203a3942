package fakeapi

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// kubernetesReleases are the versions clusters run or can upgrade to,
// newest first. No cluster runs the newest yet.
var kubernetesReleases = []string{"1.32.2-do.0", "1.31.1-do.0", "1.30.5-do.0", "1.29.9-do.0"}

var (
	clusterPurposes = []string{"prod", "staging", "ml"}
	clusterVersions = kubernetesReleases[1:]
	clusterRegions  = []region{regions[0], regions[2], regions[4], regions[3], regions[5]}
	maintenanceDays = []string{"any", "sunday", "saturday", "tuesday"}
)

// poolKind is what a node pool is for.
type poolKind struct {
	name, size string
}

var poolKinds = []poolKind{{"default", "s-2vcpu-4gb"}, {"frontend", "s-1vcpu-2gb"}, {"backend", "g-4vcpu-16gb"}}

// firstNodeDropletID is the droplet id of the first cluster's first node.
const firstNodeDropletID = 520000000

// cluster i has the node pools its shape asks for. Most clusters run; a few
// are upgrading or degraded, and those have new nodes still provisioning.
func (b builder) cluster(i int) map[string]any {
	c := cloneObject(b.template(Clusters, 0))
	id := clusterID(i)
	r := clusterRegions[i%len(clusterRegions)]
	purpose := clusterPurposes[i%len(clusterPurposes)]
	state := clusterState(i)
	created := createdAt(i, b.size[Clusters])
	tags := []string{clusterEnvironment(purpose), "k8s", "k8s:" + id}

	c["id"] = id
	c["name"] = fmt.Sprintf("%s-%s-%02d", purpose, r.slug, i/len(clusterPurposes)+1)
	c["region"], c["vpc_uuid"] = r.slug, vpcUUID(r)
	c["version"] = clusterVersions[i%len(clusterVersions)]
	c["ipv4"], _ = publicIPv4(clusterHosts + i)
	c["endpoint"] = fmt.Sprintf("https://%s.k8s.ondigitalocean.com", id)
	c["tags"] = tags
	c["status"] = map[string]any{"state": state, "message": state}
	c["created_at"], c["updated_at"] = stamp(created), stamp(created.Add(36*time.Hour))
	c["ha"], c["auto_upgrade"], c["surge_upgrade"] = i%3 == 0, i%2 == 0, true
	object(c, "maintenance_policy")["day"] = maintenanceDays[i%len(maintenanceDays)]
	object(c, "maintenance_policy")["start_time"] = "04:00"
	object(c, "control_plane_firewall")["allowed_addresses"] = []string{"203.0.113.0/24"}

	pools := []any{}
	for p, count := range b.shapes.poolNodes(i) {
		pools = append(pools, b.nodePool(i, p, count, tags, state))
	}
	c["node_pools"] = pools
	return c
}

func clusterID(i int) string { return fakeUUID("cluster", i) }

// upgrades of cluster i: every tenth cluster, the demo's oldest among them,
// can upgrade to the next release; the others are current (null).
func (b builder) upgrades(i int) []map[string]any {
	if i%10 != 2 {
		return nil
	}
	version := i % len(clusterVersions)
	next := kubernetesReleases[version] // clusterVersions[version] is kubernetesReleases[version+1]
	v := cloneObject(b.exampleUpgrade())
	v["slug"] = next
	v["kubernetes_version"], _, _ = strings.Cut(next, "-")
	return []map[string]any{v}
}

func (b builder) exampleUpgrade() map[string]any {
	return b.exampleOf(KubernetesUpgrades)
}

func clusterState(i int) string {
	switch {
	case i%5 == 2:
		return "upgrading"
	case i%7 == 6:
		return "degraded"
	}
	return "running"
}

func clusterEnvironment(purpose string) string {
	if purpose == "prod" {
		return "production"
	}
	return "staging"
}

// nodePool p of cluster i has count nodes; the second pool autoscales.
func (b builder) nodePool(i, p, count int, clusterTags []string, clusterState string) map[string]any {
	kind := poolKinds[p%len(poolKinds)]
	pool := cloneObject(first(b.template(Clusters, 0), "node_pools"))
	pool["id"] = fakeUUID("pool", i, p)
	pool["name"] = kind.name + "-pool"
	pool["size"] = kind.size
	pool["count"] = count
	pool["tags"] = append(append([]string{}, clusterTags...), "k8s:worker")
	pool["labels"] = nil
	if p > 0 {
		pool["labels"] = map[string]any{"pool": kind.name}
	}
	pool["auto_scale"], pool["min_nodes"], pool["max_nodes"] = false, 0, 0
	if p == 1 {
		pool["auto_scale"], pool["min_nodes"], pool["max_nodes"] = true, max(1, count-1), count+3
	}
	nodes := make([]any, count)
	for n := range nodes {
		nodes[n] = b.node(i, p, n, kind.name, nodeState(clusterState, n, count))
	}
	pool["nodes"] = nodes
	return pool
}

// nodeState: while a cluster is not running, each pool's newest node is
// still being provisioned.
func nodeState(clusterState string, n, count int) string {
	if clusterState != "running" && n == count-1 {
		return "provisioning"
	}
	return "running"
}

func (b builder) node(i, p, n int, poolName, state string) map[string]any {
	node := cloneObject(first(first(b.template(Clusters, 0), "node_pools"), "nodes"))
	created := stamp(createdAt(i, b.size[Clusters]).Add(time.Duration(n) * time.Minute))
	node["id"] = fakeUUID("node", i, p, n)
	node["name"] = fmt.Sprintf("%s-pool-%s", poolName, shortSuffix("node", i, p, n))
	node["status"] = map[string]any{"state": state}
	node["droplet_id"] = strconv.Itoa(firstNodeDropletID + i*1000 + p*100 + n)
	node["created_at"], node["updated_at"] = created, created
	return node
}
