package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

// godoAccount is an account as the exporter reads it: through godo.
type godoAccount struct {
	info           *godo.Account
	droplets       []godo.Droplet
	gpus           []godo.Droplet
	clusters       []*godo.KubernetesCluster
	databases      []godo.Database
	apps           []*godo.App
	firewalls      []godo.Firewall
	loadBalancers  []godo.LoadBalancer
	trustedSources map[string][]godo.DatabaseFirewallRule // by database id
	upgrades       map[string][]*godo.KubernetesVersion   // by cluster id
}

// readWithGodo serves acct and reads all of it back with godo, with one
// request per database and cluster for its rules and upgrades. Every list
// must fit on one page of 200.
func readWithGodo(t *testing.T, acct Account) godoAccount {
	t.Helper()
	c := newGodo(t, newTestServer(t, acct))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	var a godoAccount
	var err error
	var resp [6]*godo.Response
	check := func(what string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	a.info, _, err = c.Account.Get(ctx)
	check("account")
	a.droplets, resp[0], err = c.Droplets.List(ctx, opt)
	check("droplets")
	a.gpus, resp[1], err = c.Droplets.ListWithGPUs(ctx, opt)
	check("GPU droplets")
	a.clusters, resp[2], err = c.Kubernetes.List(ctx, opt)
	check("clusters")
	a.apps, resp[3], err = c.Apps.List(ctx, opt)
	check("apps")
	a.firewalls, resp[4], err = c.Firewalls.List(ctx, opt)
	check("firewalls")
	a.loadBalancers, resp[5], err = c.LoadBalancers.List(ctx, opt)
	check("load balancers")
	a.databases, _, err = c.Databases.List(ctx, nil)
	check("databases")
	for _, r := range resp {
		if !r.Links.IsLastPage() {
			t.Fatalf("%s has more than one page", r.Request.URL)
		}
	}
	a.trustedSources = map[string][]godo.DatabaseFirewallRule{}
	for _, db := range a.databases {
		a.trustedSources[db.ID], _, err = c.Databases.GetFirewallRules(ctx, db.ID)
		check("rules of database " + db.ID)
	}
	a.upgrades = map[string][]*godo.KubernetesVersion{}
	for _, cluster := range a.clusters {
		a.upgrades[cluster.ID], _, err = c.Kubernetes.GetUpgrades(ctx, cluster.ID)
		check("upgrades of cluster " + cluster.ID)
	}
	return a
}

// dropletsByID holds every droplet of a, GPU droplets too.
func dropletsByID(a godoAccount) map[int]*godo.Droplet {
	byID := map[int]*godo.Droplet{}
	for _, list := range [][]godo.Droplet{a.droplets, a.gpus} {
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
	}
	return byID
}

// withUpgrades are the ids of the clusters that can upgrade.
func withUpgrades(a godoAccount) []string {
	var ids []string
	for id, versions := range a.upgrades {
		if versions != nil {
			ids = append(ids, id)
		}
	}
	return ids
}
