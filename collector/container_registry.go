package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	registryInfo = newDesc("registry", "info",
		"Each container registry with its region and subscription tier, as of the last refresh; value 1.", "name", "region", "tier")
	registryUsedBytes = newDesc("registry", "storage_used_bytes",
		"Storage the registry uses in bytes, as of the last refresh.", "name")
	registryIncludedBytes = newDesc("registry", "storage_included_bytes",
		"Storage the registry's subscription tier includes in bytes, as of the last refresh; absent when the API does not say.", "name")
	registryRepositories = newDesc("registry", "repositories",
		"Number of repositories of the registry, as of the last refresh of repositories.", "name")
	registryRepositoryTags = newDesc("registry", "repository_tags",
		"Number of tags of each repository, as of the last refresh of repositories.", "name", "repository")
	registryRepositoryLastPush = newDesc("registry", "repository_last_push_timestamp_seconds",
		"When the newest manifest of each repository was pushed, in Unix seconds, as of the last refresh of repositories.",
		"name", "repository")
)

func newRegistryCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindRegistry, src, collectRegistries, registryInfo, registryUsedBytes,
		registryIncludedBytes, registryRepositories, registryRepositoryTags, registryRepositoryLastPush)
}

func collectRegistries(out emit, s *inventory.Snapshot) {
	repositories := inventory.RegistryRepositories.Of(s)
	for _, r := range inventory.Registries.Of(s) {
		gauge(out, registryInfo, 1, s.Account, r.Name, r.Region, r.Tier)
		gauge(out, registryUsedBytes, float64(r.UsedBytes), s.Account, r.Name)
		if r.IncludedBytes > 0 {
			gauge(out, registryIncludedBytes, float64(r.IncludedBytes), s.Account, r.Name)
		}
		repos, known := repositories[r.Name]
		if !known {
			continue
		}
		gauge(out, registryRepositories, float64(len(repos)), s.Account, r.Name)
		for _, repo := range repos {
			gauge(out, registryRepositoryTags, float64(repo.Tags), s.Account, r.Name, repo.Name)
			timestamp(out, registryRepositoryLastPush, repo.LastPush, s.Account, r.Name, repo.Name)
		}
	}
}
