package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

// godoAccount is an account as the exporter reads it: through godo.
type godoAccount struct {
	info      *godo.Account
	droplets  []godo.Droplet
	gpus      []godo.Droplet
	clusters  []*godo.KubernetesCluster
	databases []godo.Database
	apps      []*godo.App
}

// readWithGodo serves acct and reads all of it back with godo. Every list
// must fit on one page of 200.
func readWithGodo(t *testing.T, acct Account) godoAccount {
	t.Helper()
	c := newGodo(t, newTestServer(t, acct))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	var a godoAccount
	var err error
	var resp [4]*godo.Response
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
	a.databases, _, err = c.Databases.List(ctx, nil)
	check("databases")
	for _, r := range resp {
		if !r.Links.IsLastPage() {
			t.Fatalf("%s has more than one page", r.Request.URL)
		}
	}
	return a
}
