package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestProjectValuesFromExamples checks the project families against the
// example responses (projects.json, project_resources.json): the example
// project holds a Droplet and a domain, named by the exporter's kinds.
func TestProjectValuesFromExamples(t *testing.T) {
	c := newProjectCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_project_info Descriptive labels of each project, as of the last refresh; value 1. is_default is true for the project that holds what nobody assigned.
# TYPE digitalocean_project_info gauge
digitalocean_project_info{account="default",environment="Development",id="addb4547-6bab-419a-8542-76263a033cf6",is_default="true",name="Default",purpose="Just trying out DigitalOcean"} 1
digitalocean_project_info{account="default",environment="Production",id="4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679",is_default="false",name="my-web-api",purpose="Service or API"} 1
# HELP digitalocean_project_resource_info Each resource a project holds, by the kind and id the exporter gives it (the id of its _info series), as of the last refresh of project resources; value 1. A resource of a kind the exporter does not list keeps its URN's type as kind (space for a Spaces bucket).
# TYPE digitalocean_project_resource_info gauge
digitalocean_project_resource_info{account="default",id="13457723",kind="droplets",project_id="4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679"} 1
digitalocean_project_resource_info{account="default",id="example.com",kind="domains",project_id="4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679"} 1
# HELP digitalocean_project_resources Number of resources each project holds by kind, as of the last refresh of project resources.
# TYPE digitalocean_project_resources gauge
digitalocean_project_resources{account="default",kind="domains",project_id="4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679"} 1
digitalocean_project_resources{account="default",kind="droplets",project_id="4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679"} 1
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
