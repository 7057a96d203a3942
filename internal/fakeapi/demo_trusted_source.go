package fakeapi

import (
	"strconv"
	"time"
)

// The kinds of trusted source a database firewall rule names.
const (
	sourceIP      = "ip_addr"
	sourceK8s     = "k8s"
	sourceDroplet = "droplet"
	sourceTag     = "tag"
	sourceApp     = "app"
)

// officeNetwork is the address range the demo trusts, as its clusters'
// control planes do.
const officeNetwork = "203.0.113.0/24"

// trustedSources of database i are the rules its engine lists. An engine
// that lists none gets an empty list: any address may connect.
func (b builder) trustedSources(i int) []map[string]any {
	rules := []map[string]any{}
	for n, kind := range dbEngines[i%len(dbEngines)].trustedSources {
		rules = append(rules, b.trustedSource(i, n, kind))
	}
	return rules
}

// trustedSource n of database i lets in a source of kind.
func (b builder) trustedSource(i, n int, kind string) map[string]any {
	rule := without(cloneObject(b.exampleRule()), "description")
	rule["uuid"] = fakeUUID("trusted source", i, n)
	rule["cluster_uuid"] = databaseID(i)
	rule["type"], rule["value"] = kind, b.sourceValue(i, kind)
	rule["created_at"] = stamp(createdAt(i, b.size[Databases]).Add(time.Hour))
	if kind == sourceIP {
		rule["description"] = "office network"
	}
	return rule
}

// sourceValue names a source of kind for database i: a cluster, an api
// droplet or an app of the account, the web tag, or the office network.
func (b builder) sourceValue(i int, kind string) string {
	switch kind {
	case sourceK8s:
		return clusterID(i % max(b.size[Clusters], 1))
	case sourceDroplet:
		return strconv.Itoa(dropletID(roleDroplet("api", i) % max(b.size[Droplets], 1)))
	case sourceApp:
		return appID(i % max(b.size[Apps], 1))
	case sourceTag:
		return "web"
	}
	return officeNetwork
}

func (b builder) exampleRule() map[string]any {
	return b.exampleOf(DatabaseFirewalls)
}
