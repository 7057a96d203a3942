package inventory

import (
	"context"
	"time"

	"github.com/digitalocean/godo"
)

// Registry kinds: the container registries, listed in one request, and the
// repositories of each, one request (a page per 200) per registry.
const (
	KindRegistry             = "registry"
	KindRegistryRepositories = "registry_repositories"
)

// Registry is one container registry with its subscription's tier.
type Registry struct {
	Name      string // its ID: the API names a registry by its name
	Region    string
	Tier      string // the subscription tier's slug: starter, basic, professional
	UsedBytes int64
	// IncludedBytes is the storage the tier includes; 0 when the API does
	// not say.
	IncludedBytes int64
	Created       time.Time
}

// Repository is one repository of a registry.
type Repository struct {
	Name     string
	Tags     int
	LastPush time.Time // when its newest manifest was pushed; zero when unknown
}

// Registries lists the account's container registries through
// /v2/registries: /v2/registry, which godo's Registry service reads,
// answers 412 for an account with more than one.
var Registries = newList(listSpec[[]registryWire, Registry]{
	Name: KindRegistry, Label: "Container registries", Scope: "registry:read",
	Fetch: wholeList[registryWire]("registries", "v2/registries", "registries"),
	Map:   eachValue(mapRegistry),
})

// RegistryRepositories lists the repositories of each registry, by the
// registry's name. Their pages past the first are named by a page_token.
var RegistryRepositories = newDetail(detailSpec[Registry, []repositoryWire, []Repository]{
	Name: KindRegistryRepositories, Scope: "registry:read", Parent: Registries,
	ID: func(r *Registry) string { return r.Name },
	Get: func(ctx context.Context, c *godo.Client, name string) ([]repositoryWire, error) {
		return tokenList[repositoryWire](ctx, c, "v2/registries/"+name+"/repositoriesV2", "repositories")
	},
	Map: func(raw []repositoryWire) []Repository {
		return firstOfEach(eachValue(mapRepository)(raw), func(r *Repository) string { return r.Name })
	},
})

// registryWire is the part of a registry we read; godo's Registry has no
// subscription.
type registryWire struct {
	Name         string     `json:"name"`
	Region       string     `json:"region"`
	CreatedAt    *time.Time `json:"created_at"`
	UsedBytes    int64      `json:"storage_usage_bytes"`
	Subscription *struct {
		Tier *struct {
			Slug          string `json:"slug"`
			IncludedBytes int64  `json:"included_storage_bytes"`
		} `json:"tier"`
	} `json:"subscription"`
}

// repositoryWire is the part of a repository we read: its manifest's
// blobs and digests are left undecoded.
type repositoryWire struct {
	Name           string `json:"name"`
	TagCount       int    `json:"tag_count"`
	LatestManifest *struct {
		UpdatedAt *time.Time `json:"updated_at"`
	} `json:"latest_manifest"`
}

func mapRegistry(r *registryWire) Registry {
	reg := Registry{Name: r.Name, Region: r.Region, UsedBytes: r.UsedBytes, Created: timeOf(r.CreatedAt)}
	if r.Subscription != nil && r.Subscription.Tier != nil {
		reg.Tier, reg.IncludedBytes = r.Subscription.Tier.Slug, r.Subscription.Tier.IncludedBytes
	}
	return reg
}

func mapRepository(r *repositoryWire) Repository {
	repo := Repository{Name: r.Name, Tags: r.TagCount}
	if r.LatestManifest != nil {
		repo.LastPush = timeOf(r.LatestManifest.UpdatedAt)
	}
	return repo
}
