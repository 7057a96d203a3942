package fakeapi

import (
	"fmt"
	"time"
)

// demoRegistry is a container registry of the demo with its repositories.
type demoRegistry struct {
	name         string
	region       int // in regions
	usedMiB      int64
	repositories []demoRepository
}

type demoRepository struct {
	name string
	tags int
	// pushedDaysAgo is how long before the end of the history its newest
	// manifest was pushed.
	pushedDaysAgo int
}

// demoRegistries: the shop's images, and a registry for the machine
// learning models, which is why the account needs /v2/registries. Both
// share the basic tier, which includes 5 GiB.
var demoRegistries = []demoRegistry{
	{"storefront", 2, 3174, []demoRepository{{"web", 42, 1}, {"api", 17, 3}, {"worker", 8, 40}}},
	{"ml-models", 7, 922, []demoRepository{{"trainer", 5, 90}, {"inference", 12, 6}}},
}

// registryTier is the subscription tier every demo registry has.
var registryTier = map[string]any{"name": "Basic", "slug": "basic", "included_repositories": 5,
	"included_storage_bytes": 5 << 30, "allow_storage_overage": true, "included_bandwidth_bytes": 5 << 30,
	"monthly_price_in_cents": 500, "storage_overage_price_in_cents": 2}

func (b builder) registry(i int) map[string]any {
	d := demoRegistries[i%len(demoRegistries)]
	r := cloneObject(b.template(Registries, 0))
	r["name"], r["region"] = numbered(d.name, i/len(demoRegistries)), regions[d.region].slug
	r["created_at"] = stamp(createdAt(i, b.size[Registries]))
	r["storage_usage_bytes"] = d.usedMiB << 20
	r["storage_usage_bytes_updated_at"] = stamp(epoch.Add(history))
	sub := object(r, "subscription")
	sub["tier"] = cloneObject(registryTier)
	sub["created_at"], sub["updated_at"] = stamp(epoch), stamp(epoch.Add(history))
	return r
}

// repositories of registry i; a generated account's registries have as
// many as the size of RegistryRepositories says, a demo registry its own.
func (b builder) repositories(i int) []map[string]any {
	d := demoRegistries[i%len(demoRegistries)]
	repos := d.repositories
	if n := b.size[RegistryRepositories]; n > 0 {
		repos = make([]demoRepository, n)
		for j := range repos {
			repos[j] = demoRepository{fmt.Sprintf("repo-%04d", j+1), 1 + j%30, j % 60}
		}
	}
	out := make([]map[string]any, len(repos))
	for j, repo := range repos {
		o := cloneObject(b.exampleOf(RegistryRepositories))
		o["registry_name"], o["name"] = numbered(d.name, i/len(demoRegistries)), repo.name
		o["tag_count"], o["manifest_count"] = repo.tags, repo.tags+repo.tags/2
		m := object(o, "latest_manifest")
		m["registry_name"], m["repository"] = o["registry_name"], repo.name
		m["updated_at"] = stamp(epoch.Add(history - time.Duration(repo.pushedDaysAgo)*24*time.Hour))
		m["tags"] = []string{"latest", fmt.Sprintf("v1.%d", repo.tags)}
		m["digest"] = "sha256:" + fmt.Sprintf("%x", fakeUUID("manifest", i, j)) // a hex string, as a digest is
		out[j] = o
	}
	return out
}
