package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestRegistryValuesFromExamples checks the registry families against the
// example responses (registries.json, registry_repositories_v2.json).
func TestRegistryValuesFromExamples(t *testing.T) {
	c := newRegistryCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_registry_info Each container registry with its region and subscription tier, as of the last refresh; value 1.
# TYPE digitalocean_registry_info gauge
digitalocean_registry_info{account="default",name="example",region="fra1",tier="basic"} 1
# HELP digitalocean_registry_repositories Number of repositories of the registry, as of the last refresh of repositories.
# TYPE digitalocean_registry_repositories gauge
digitalocean_registry_repositories{account="default",name="example"} 1
# HELP digitalocean_registry_repository_last_push_timestamp_seconds When the newest manifest of each repository was pushed, in Unix seconds, as of the last refresh of repositories.
# TYPE digitalocean_registry_repository_last_push_timestamp_seconds gauge
digitalocean_registry_repository_last_push_timestamp_seconds{account="default",name="example",repository="repo-1"} 1.618012465e+09
# HELP digitalocean_registry_repository_tags Number of tags of each repository, as of the last refresh of repositories.
# TYPE digitalocean_registry_repository_tags gauge
digitalocean_registry_repository_tags{account="default",name="example",repository="repo-1"} 57
# HELP digitalocean_registry_storage_included_bytes Storage the registry's subscription tier includes in bytes, as of the last refresh; absent when the API does not say.
# TYPE digitalocean_registry_storage_included_bytes gauge
digitalocean_registry_storage_included_bytes{account="default",name="example"} 5.36870912e+09
# HELP digitalocean_registry_storage_used_bytes Storage the registry uses in bytes, as of the last refresh.
# TYPE digitalocean_registry_storage_used_bytes gauge
digitalocean_registry_storage_used_bytes{account="default",name="example"} 2.939392e+07
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
