package fakeapi

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoProjects reads the demo's projects and their resources with
// godo: every droplet, GPU ones included, is in exactly one project; the
// default project holds what nobody sorted; every URN names a listed
// object, but for the storefront's Spaces bucket.
func TestDemoProjects(t *testing.T) {
	demo := Demo()
	a := readWithGodo(t, demo)
	c := newGodo(t, newTestServer(t, demo))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	projects, _, err := c.Projects.List(ctx, opt)
	if err != nil || len(projects) != len(demoProjects) {
		t.Fatalf("%d projects (%v), want %d", len(projects), err, len(demoProjects))
	}
	holder := map[string]string{} // URN to project name
	defaults := 0
	for _, p := range projects {
		resources, _, err := c.Projects.ListResources(ctx, p.ID, opt)
		if err != nil {
			t.Fatal(err)
		}
		if p.IsDefault {
			defaults++
			if len(resources) == 0 {
				t.Error("the default project holds nothing")
			}
		}
		for _, r := range resources {
			if other, twice := holder[r.URN]; twice {
				t.Errorf("%s is in %s and %s", r.URN, other, p.Name)
			}
			holder[r.URN] = p.Name
		}
	}
	if defaults != 1 {
		t.Errorf("%d default projects, want 1", defaults)
	}
	for id := range dropletsByID(a) {
		if holder[fmt.Sprintf("do:droplet:%d", id)] == "" {
			t.Errorf("droplet %d is in no project", id)
		}
	}
	listed := map[string]bool{"do:space:storefront-assets": true}
	for _, cluster := range a.clusters {
		listed["do:kubernetes:"+cluster.ID] = true
	}
	for _, db := range a.databases {
		listed["do:dbaas:"+db.ID] = true
		if holder["do:dbaas:"+db.ID] == "" || db.ProjectID != projectIDNamed(projects, holder["do:dbaas:"+db.ID]) {
			t.Errorf("database %s names project %s, the projects hold it in %q", db.Name, db.ProjectID, holder["do:dbaas:"+db.ID])
		}
	}
	for urn := range holder {
		if !listed[urn] && !strings.HasPrefix(urn, "do:droplet:") && !strings.HasPrefix(urn, "do:app:") &&
			!strings.HasPrefix(urn, "do:volume:") && !strings.HasPrefix(urn, "do:loadbalancer:") &&
			!strings.HasPrefix(urn, "do:domain:") && !strings.HasPrefix(urn, "do:floatingip:") {
			t.Errorf("%s names nothing the demo lists", urn)
		}
	}
}

func projectIDNamed(projects []godo.Project, name string) string {
	for _, p := range projects {
		if p.Name == name {
			return p.ID
		}
	}
	return ""
}
