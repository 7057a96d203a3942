package e2e

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestEveryDropletHasItsProjectInPrometheus runs Debian's Prometheus
// against --demo and joins digitalocean_droplet_info with
// digitalocean_project_resource_info as the README says: every Droplet
// /inventory lists gets the project /inventory names, one of the listed
// projects.
func TestEveryDropletHasItsProjectInPrometheus(t *testing.T) {
	t.Parallel()
	binary := testtool.Find(t, "prometheus", "prometheus")
	e := startExporter(t, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	prom := startPrometheus(t, binary, e.url[len("http://"):])
	prom.waitForHistory(t, 1)

	joined, err := prom.query(`digitalocean_droplet_info * on (account, id) group_left (project_id) ` +
		`digitalocean_project_resource_info{kind="droplets"}`)
	if err != nil {
		t.Fatal(err)
	}
	var result struct {
		Result []struct{ Metric map[string]string }
	}
	if err := json.Unmarshal(joined, &result); err != nil {
		t.Fatal(err)
	}
	projects, err := prom.query(`digitalocean_project_info`)
	if err != nil {
		t.Fatal(err)
	}
	var listed struct {
		Result []struct{ Metric map[string]string }
	}
	json.Unmarshal(projects, &listed)
	known := map[string]bool{}
	for _, p := range listed.Result {
		known[p.Metric["id"]] = true
	}
	want := map[string]string{} // droplet id to project id, as /inventory says
	for _, w := range e.inventory(t, "?kind=droplets").Workloads {
		want[w.ID] = w.ProjectID
	}
	if len(result.Result) != len(want) || len(want) == 0 {
		t.Errorf("the join gives %d Droplets their project; /inventory lists %d", len(result.Result), len(want))
	}
	for _, series := range result.Result {
		id, project := series.Metric["id"], series.Metric["project_id"]
		if !known[project] || want[id] != project {
			t.Errorf("Droplet %s (%s) joins project %q; /inventory says %q", series.Metric["name"], id, project, want[id])
		}
	}
}
