package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	projectInfo = newDesc("project", "info",
		"Descriptive labels of each project, as of the last refresh; value 1. is_default is true for the project "+
			"that holds what nobody assigned.",
		"id", "name", "purpose", "environment", "is_default")
	projectResources = newDesc("project", "resources",
		"Number of resources each project holds by kind, as of the last refresh of project resources.", "project_id", "kind")
	projectResourceInfo = newDesc("project", "resource_info",
		"Each resource a project holds, by the kind and id the exporter gives it (the id of its _info series), "+
			"as of the last refresh of project resources; value 1. A resource of a kind the exporter does not list "+
			"keeps its URN's type as kind (space for a Spaces bucket).", "project_id", "kind", "id")
)

func newProjectCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindProjects, src, collectProjects, projectInfo, projectResources, projectResourceInfo)
}

func collectProjects(out emit, s *inventory.Snapshot) {
	for _, p := range inventory.Projects.Of(s) {
		gauge(out, projectInfo, 1, s.Account, p.ID, p.Name, p.Purpose, p.Environment, boolLabel(p.IsDefault))
	}
	held, byKind := counts{}, counts{}
	for projectID, resources := range inventory.ProjectResources.Of(s) {
		seen := make(map[inventory.ProjectResource]bool, len(resources))
		for _, r := range resources {
			if !seen[r] { // an answer that repeats a resource counts it once
				seen[r] = true
				held.add(projectID, r.Kind(), r.ID)
				byKind.add(projectID, r.Kind())
			}
		}
	}
	held.sendOnes(out, projectResourceInfo, s.Account)
	byKind.send(out, projectResources, s.Account)
}
