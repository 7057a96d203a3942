package fakeapi

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/digitalocean/godo"
)

// served is what the server serves now, as JSON, to compare accounts.
func served(t *testing.T, s *Server) []byte {
	t.Helper()
	a := s.content.Load().account()
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDemoChangesCycle walks the demo account through every change, as
// --demo.change-interval does through Update, and checks what the API then
// serves; after the last step it serves Demo() again.
func TestDemoChangesCycle(t *testing.T) {
	dropletNamed := func(a godoAccount, name string) *godo.Droplet {
		if i := slices.IndexFunc(a.droplets, func(d godo.Droplet) bool { return d.Name == name }); i >= 0 {
			return &a.droplets[i]
		}
		return nil
	}
	clusterVersion := func(a godoAccount) string {
		for _, c := range a.clusters {
			if c.Name == "prod-nyc1-01" {
				return c.VersionSlug
			}
		}
		return ""
	}
	s := newTestServer(t, Demo())
	hasApp := func(a godoAccount) bool {
		return slices.ContainsFunc(a.apps, func(app *godo.App) bool { return app.Spec.Name == "landing-01" })
	}
	volumeAttached := func(a Account) bool {
		v := named(a.Lists[Volumes], "pgdata")
		droplets, _ := v["droplet_ids"].([]any)
		return len(droplets) == 1
	}
	hasCertificate := func(a Account) bool { return named(a.Lists[Certificates], "www-example-02") != nil }
	checks := []struct {
		want  string
		holds func(godoAccount) bool
	}{
		{"create Droplet web-tor1-01", func(a godoAccount) bool {
			d := dropletNamed(a, "web-tor1-01")
			return len(a.droplets) == 43 && d != nil && d.Status == "active" && d.Region.Slug == "tor1"
		}},
		{"resize Droplet web-nyc1-01 to s-2vcpu-4gb", func(a godoAccount) bool {
			d := dropletNamed(a, "web-nyc1-01")
			return d.SizeSlug == "s-2vcpu-4gb" && d.Vcpus == 2 && d.Size.Slug == "s-2vcpu-4gb"
		}},
		{"set the status of Droplet api-nyc1-01 to off", func(a godoAccount) bool { return dropletNamed(a, "api-nyc1-01").Status == "off" }},
		{"move Kubernetes cluster prod-nyc1-01 to version 1.32.2-do.0", func(a godoAccount) bool { return clusterVersion(a) == "1.32.2-do.0" }},
		{"delete app landing-01", func(a godoAccount) bool { return !hasApp(a) && len(a.apps) == 5 }},
		{"detach volume pgdata from its Droplet", func(godoAccount) bool { return !volumeAttached(s.content.Load().account()) }},
		{"issue certificate www-example-02", func(godoAccount) bool { return hasCertificate(s.content.Load().account()) }},
		{"delete Droplet web-tor1-01", func(a godoAccount) bool { return dropletNamed(a, "web-tor1-01") == nil && len(a.droplets) == 42 }},
		{"resize Droplet web-nyc1-01 to s-1vcpu-2gb", func(a godoAccount) bool { return dropletNamed(a, "web-nyc1-01").SizeSlug == "s-1vcpu-2gb" }},
		{"set the status of Droplet api-nyc1-01 to active", func(a godoAccount) bool { return dropletNamed(a, "api-nyc1-01").Status == "active" }},
		{"move Kubernetes cluster prod-nyc1-01 to version 1.31.1-do.0", func(a godoAccount) bool { return clusterVersion(a) == "1.31.1-do.0" }},
		{"restore app landing-01", func(a godoAccount) bool { return hasApp(a) && len(a.apps) == 6 }},
		{"attach volume pgdata to its Droplet again", func(godoAccount) bool { return volumeAttached(s.content.Load().account()) }},
		{"delete certificate www-example-02", func(godoAccount) bool { return !hasCertificate(s.content.Load().account()) }},
	}
	if len(checks) != len(DemoChanges()) {
		t.Fatalf("%d changes, %d checks", len(DemoChanges()), len(checks))
	}
	demo := served(t, s)
	for i, change := range DemoChanges() {
		before := served(t, s)
		s.Update(change.Apply)
		if change.Description != checks[i].want {
			t.Errorf("step %d is %q, want %q", i, change.Description, checks[i].want)
		}
		if bytes.Equal(before, served(t, s)) {
			t.Errorf("step %d (%s) changed nothing", i, change.Description)
		}
		if !checks[i].holds(readWithGodo(t, s.content.Load().account())) {
			t.Errorf("after step %d, it is not true that: %s", i, checks[i].want)
		}
	}
	if !bytes.Equal(served(t, s), demo) {
		t.Error("after the whole cycle the account is not Demo() again")
	}
}
