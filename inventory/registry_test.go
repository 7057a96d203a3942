package inventory

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

const repositoriesRoute = "/v2/registries/{id}/repositoriesV2"

func TestMapRegistriesFromExamples(t *testing.T) {
	r := mapExample(t, "registries.json", "registries", eachValue(mapRegistry), 1)[0]
	if r.Name != "example" || r.Region != "fra1" || r.Tier != "basic" || r.UsedBytes != 29393920 ||
		r.IncludedBytes != 5368709120 || !r.Created.Equal(time.Date(2020, 3, 21, 16, 2, 37, 0, time.UTC)) {
		t.Errorf("registry: %+v", r)
	}
	repo := mapExample(t, "registry_repositories_v2.json", "repositories", eachValue(mapRepository), 1)[0]
	if repo.Name != "repo-1" || repo.Tags != 57 || !repo.LastPush.Equal(time.Date(2021, 4, 9, 23, 54, 25, 0, time.UTC)) {
		t.Errorf("repository: %+v", repo)
	}
}

// TestRepositoriesFollowPageTokens: 450 repositories take three pages of
// 200, the second and third asked for by the page_token of the page before.
func TestRepositoriesFollowPageTokens(t *testing.T) {
	api := newTestAPI(t, fakeapi.Generate(fakeapi.Size{fakeapi.Registries: 1, fakeapi.RegistryRepositories: 450}))
	s := api.refresh(t)
	if st := s.Status[KindRegistryRepositories]; !st.Succeeded() {
		t.Fatalf("repositories: %+v", st)
	}
	for name, repos := range RegistryRepositories.Of(s) {
		if len(repos) != 450 || repos[449].Name != "repo-0450" {
			t.Errorf("%s: %d repositories, want 450", name, len(repos))
		}
	}
	tokens := 0
	for _, req := range api.Requests() {
		q, _ := url.ParseQuery(req.RawQuery)
		if strings.HasSuffix(req.Path, "/repositoriesV2") && q.Get("page_token") != "" {
			tokens++
		}
	}
	if n := api.CountRoute("GET", repositoriesRoute); n != 3 || tokens != 2 {
		t.Errorf("%d requests for repositories, %d with a page_token; want 3 and 2", n, tokens)
	}
}

// TestRepositoryNextLinksKeepTheConfiguredHost: a next link takes only
// its page_token; the page is asked of the API the exporter was given,
// whatever host the link names (the real API names itself).
func TestRepositoryNextLinksKeepTheConfiguredHost(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	api.SetFault(repositoriesRoute, fakeapi.Fault{Times: 1,
		Body: `{"repositories":[],"links":{"pages":{"next":"https://api.digitalocean.com/v2/registries/example/repositoriesV2?page=2&page_token=elsewhere"}},"meta":{"total":1}}`})
	api.refresh(t)
	asked := false
	for _, req := range api.Requests() {
		q, _ := url.ParseQuery(req.RawQuery)
		asked = asked || (strings.HasSuffix(req.Path, "/repositoriesV2") && q.Get("page_token") == "elsewhere")
	}
	if !asked {
		t.Error("the fake API was not asked for the next link's page_token")
	}
}

// TestRepositoryPagesWithoutATokenFail: a next link that names no
// page_token is not followed by page number, which the API would not
// honour: the refresh fails and keeps the last good repositories.
func TestRepositoryPagesWithoutATokenFail(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	good := api.refresh(t)
	api.SetFault(repositoriesRoute, fakeapi.Fault{
		Body: `{"repositories":[],"links":{"pages":{"next":"https://api.digitalocean.com/v2/registries/example/repositoriesV2?page=2"}},"meta":{"total":5}}`})
	s := api.refresh(t)
	if st := s.Status[KindRegistryRepositories]; st.Reason != ReasonDecode {
		t.Errorf("repositories: %+v, want a decode failure", st)
	}
	if len(RegistryRepositories.Of(s)["example"]) != 1 || len(RegistryRepositories.Of(good)["example"]) != 1 {
		t.Errorf("the last good repositories were not kept")
	}
}
