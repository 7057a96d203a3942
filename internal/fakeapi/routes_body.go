package fakeapi

import "net/http"

func accountBody(c *content, _ *http.Request) ([]byte, *apiError) {
	b := append([]byte(`{"account":`), c.info...)
	return append(b, '}'), nil
}

// dropletsBody lists GPU droplets for type=gpus and the others otherwise,
// as the API does.
func dropletsBody(c *content, r *http.Request) ([]byte, *apiError) {
	if r.URL.Query().Get("type") == "gpus" {
		return pagedList("droplets", c.gpuDroplets, r)
	}
	return pagedList("droplets", c.droplets, r)
}

func clustersBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("kubernetes_clusters", c.clusters, r)
}

func appsBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("apps", c.apps, r)
}

func firewallsBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("firewalls", c.firewalls, r)
}

func loadBalancersBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("load_balancers", c.loadBalancers, r)
}

// databasesBody lists every database at once: the endpoint has no pages,
// links or meta, and ignores page and per_page.
func databasesBody(c *content, _ *http.Request) ([]byte, *apiError) {
	return wholeList("databases", c.databases), nil
}

// databaseFirewallBody lists a database's trusted sources at once, like
// databasesBody; no rules is an empty list.
func databaseFirewallBody(c *content, r *http.Request) ([]byte, *apiError) {
	rules, ok := objectsOf(c.databaseFirewalls, c.databaseIDs, r.PathValue("id"))
	if !ok {
		return nil, errorFor(http.StatusNotFound)
	}
	return wholeList("rules", rules), nil
}

// upgradesBody lists the versions a cluster can upgrade to; for a current
// cluster the API sends null.
func upgradesBody(c *content, r *http.Request) ([]byte, *apiError) {
	versions, ok := objectsOf(c.kubernetesUpgrades, c.clusterIDs, r.PathValue("id"))
	switch {
	case !ok:
		return nil, errorFor(http.StatusNotFound)
	case versions == nil:
		return []byte(`{"available_upgrade_versions":null}`), nil
	}
	return wholeList("available_upgrade_versions", versions), nil
}
