package fakeapi

import (
	"context"
	"net/http"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoRegistries reads the demo's registries and their repositories
// with godo, following page tokens two repositories at a time; the
// deprecated /v2/registry is not served.
func TestDemoRegistries(t *testing.T) {
	s := newTestServer(t, Demo())
	c := newGodo(t, s)
	ctx := context.Background()
	registries, _, err := c.Registries.List(ctx)
	if err != nil || len(registries) != len(demoRegistries) {
		t.Fatalf("%d registries (%v), want %d", len(registries), err, len(demoRegistries))
	}
	var used uint64
	for i, r := range registries {
		used += r.StorageUsageBytes
		var all []*godo.RepositoryV2
		opt := &godo.TokenListOptions{PerPage: 2}
		for {
			repos, resp, err := c.Registries.ListRepositoriesV2(ctx, r.Name, opt)
			if err != nil {
				t.Fatalf("%s: %v", r.Name, err)
			}
			all = append(all, repos...)
			if resp.Links == nil || resp.Links.IsLastPage() {
				break
			}
			if opt.Token, err = resp.Links.NextPageToken(); err != nil || opt.Token == "" {
				t.Fatalf("%s: next page token %q (%v)", r.Name, opt.Token, err)
			}
			opt.Page++
		}
		if len(all) != len(demoRegistries[i].repositories) {
			t.Errorf("%s: %d repositories, want %d", r.Name, len(all), len(demoRegistries[i].repositories))
		}
		for _, repo := range all {
			if repo.RegistryName != r.Name || repo.TagCount == 0 || repo.LatestManifest == nil || repo.LatestManifest.UpdatedAt.IsZero() {
				t.Errorf("%s: %+v", r.Name, repo)
			}
		}
	}
	if used == 0 || used > 5<<30 {
		t.Errorf("the registries use %d bytes, want some, within the basic tier's 5 GiB", used)
	}
	if r := get(t, s, "/v2/registries/storefront/repositoriesV2?page=2&per_page=2"); r.status != http.StatusBadRequest {
		t.Errorf("page 2 without its token: %d, want 400", r.status)
	}
	if r := get(t, s, "/v2/registry"); r.status != http.StatusNotFound {
		t.Errorf("the deprecated /v2/registry: %d, want 404", r.status)
	}
}
