package inventory

import (
	"slices"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapProjectsFromExamples(t *testing.T) {
	got := mapExample(t, "projects.json", "projects", eachValue(mapProject), 2)
	web, def := got[0], got[1]
	if web.ID != "4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679" || web.Name != "my-web-api" || web.Purpose != "Service or API" ||
		web.Environment != "Production" || web.IsDefault || !web.Created.Equal(time.Date(2018, 9, 27, 20, 10, 35, 0, time.UTC)) {
		t.Errorf("project: %+v", web)
	}
	if def.Name != "Default" || !def.IsDefault {
		t.Errorf("default project: %+v", def)
	}
	resources := mapExample(t, "project_resources.json", "resources", mapProjectResources, 2)
	if want := []ProjectResource{{"droplet", "13457723"}, {"domain", "example.com"}}; !slices.Equal(resources, want) {
		t.Errorf("resources %+v, want %+v", resources, want)
	}
	if resources[0].Kind() != KindDroplets || resources[1].Kind() != KindDomains {
		t.Errorf("kinds %s and %s, want droplets and domains", resources[0].Kind(), resources[1].Kind())
	}
}

// TestURNsNameTheExportersKinds: a URN's type is declared by one kind at
// most, and names the workload of that kind; a type no kind declares (a
// Spaces bucket) is kept; what is not a URN is left out.
func TestURNsNameTheExportersKinds(t *testing.T) {
	declared := map[string]string{}
	for _, k := range kinds {
		if other, twice := declared[k.URNType()]; k.URNType() != "" && twice {
			t.Errorf("URN type %s is declared by %s and %s", k.URNType(), other, k.Name())
		}
		declared[k.URNType()] = k.Name()
	}
	got := mapProjectResources([]godo.ProjectResource{
		{URN: "do:kubernetes:bd5f5959-5e1e-4205-a714-a914373942af"}, {URN: "do:dbaas:9cc10173"}, {URN: "do:app:4f6c71e2"},
		{URN: "do:floatingip:192.0.2.1"}, {URN: "do:space:assets"}, {URN: "do:droplet:"}, {URN: "droplet:1"}, {URN: ""},
	})
	var kinds []string
	for _, r := range got {
		kinds = append(kinds, r.Kind()+"/"+r.ID)
	}
	want := []string{"kubernetes/bd5f5959-5e1e-4205-a714-a914373942af", "databases/9cc10173", "apps/4f6c71e2",
		"reservedips/192.0.2.1", "space/assets"}
	if !slices.Equal(kinds, want) {
		t.Errorf("resources %v, want %v", kinds, want)
	}
}

// TestEveryDemoDropletHasAProject reads the demo through the API: the
// index names a project for every Droplet, and the project is listed.
func TestEveryDemoDropletHasAProject(t *testing.T) {
	s := newTestAPI(t, fakeapi.Demo()).refresh(t)
	index, listed := ProjectsOf(s), map[string]bool{}
	for _, p := range Projects.Of(s) {
		listed[p.ID] = true
	}
	for _, w := range Droplets.Workloads(s) {
		if p := index.Of(KindDroplets, w.ID); !listed[p] {
			t.Errorf("droplet %s is in project %q, which is not listed", w.Name, p)
		}
	}
	if d := DefaultProject(s); d == nil || len(ProjectResources.Of(s)[d.ID]) == 0 {
		t.Errorf("default project %+v holds nothing", d)
	}
}

// TestProjectResourcesFailAlone: a failure of one project's resources
// keeps the last good ones of every project and leaves the projects.
func TestProjectResourcesFailAlone(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	good := api.refresh(t)
	api.SetFault("/v2/projects/{id}/resources", fakeapi.Fault{Status: 500})
	s := api.refresh(t)
	if st := s.Status[KindProjectResources]; st.Reason != ReasonServerError || !s.Status[KindProjects].Succeeded() {
		t.Errorf("resources %+v, projects %+v; want only the resources failed", st, s.Status[KindProjects])
	}
	if len(ProjectsOf(s)) != len(ProjectsOf(good)) || len(ProjectsOf(s)) == 0 {
		t.Errorf("%d resources indexed after the failure, %d before", len(ProjectsOf(s)), len(ProjectsOf(good)))
	}
}
