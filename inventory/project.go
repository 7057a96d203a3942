package inventory

import (
	"context"
	"strings"
	"time"

	"github.com/digitalocean/godo"
)

// Project kinds: the projects that group an account's resources, and what
// each holds, one request (a page per 200 resources) per project.
const (
	KindProjects         = "projects"
	KindProjectResources = "project_resources"
)

// Project is one project. Every resource of the account belongs to exactly
// one project; those nobody assigned belong to the default one.
type Project struct {
	ID          string
	Name        string
	Purpose     string
	Environment string // Development, Staging or Production; "" when not set
	IsDefault   bool
	Created     time.Time
}

// ProjectResource is one object a project holds, as its URN names it
// (do:droplet:123): by its type and ID.
type ProjectResource struct {
	URNType string
	ID      string
}

// Kind is the kind the exporter gives the resource (droplets); a resource
// of a kind the exporter does not list keeps its URN's type (space, for a
// Spaces bucket). With its ID it names the resource's workload.
func (r ProjectResource) Kind() string { return KindOfURNType(r.URNType) }

// Projects lists the account's projects.
var Projects = newList(listSpec[[]godo.Project, Project]{
	Name: KindProjects, Label: "Projects", Scope: "project:read",
	Fetch: paged("projects", func(c *godo.Client) listFunc[godo.Project] { return c.Projects.List }),
	Map:   eachValue(mapProject),
})

// ProjectResources lists what each project holds, by the project's ID. The
// API lists only what the token may read: a token without droplet:read
// sees projects without their Droplets.
var ProjectResources = newDetail(detailSpec[Project, []godo.ProjectResource, []ProjectResource]{
	Name: KindProjectResources, Scope: "project:read", Parent: Projects,
	ID: func(p *Project) string { return p.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) ([]godo.ProjectResource, error) {
		return listAll(ctx, func(ctx context.Context, opt *godo.ListOptions) ([]godo.ProjectResource, *godo.Response, error) {
			return c.Projects.ListResources(ctx, id, opt)
		})
	},
	Map: mapProjectResources,
})

func mapProject(p *godo.Project) Project {
	return Project{ID: p.ID, Name: p.Name, Purpose: p.Purpose, Environment: p.Environment, IsDefault: p.IsDefault,
		Created: parseTime(p.CreatedAt)}
}

// mapProjectResources reads each resource's URN; one that does not read
// as do:<type>:<id> is left out.
func mapProjectResources(resources []godo.ProjectResource) []ProjectResource {
	out := make([]ProjectResource, 0, len(resources))
	for _, r := range resources {
		if urnType, id, ok := readURN(r.URN); ok {
			out = append(out, ProjectResource{URNType: urnType, ID: id})
		}
	}
	return out
}

// readURN splits a URN such as do:droplet:123 into its type and ID.
func readURN(urn string) (urnType, id string, ok bool) {
	rest, isURN := strings.CutPrefix(urn, "do:")
	urnType, id, _ = strings.Cut(rest, ":")
	return urnType, id, isURN && urnType != "" && id != ""
}

// ResourceRef names a resource as the exporter does: by its kind and ID.
type ResourceRef struct{ Kind, ID string }

// ProjectIndex tells which project holds each resource.
type ProjectIndex map[ResourceRef]string

// ProjectsOf indexes the resources of every project of s by the ID of the
// project that holds them; it is empty until the resources were read.
func ProjectsOf(s *Snapshot) ProjectIndex {
	index := ProjectIndex{}
	for projectID, resources := range ProjectResources.Of(s) {
		for _, r := range resources {
			index[ResourceRef{r.Kind(), r.ID}] = projectID
		}
	}
	return index
}

// Of is the ID of the project that holds the kind's object id, or "".
func (p ProjectIndex) Of(kind, id string) string { return p[ResourceRef{kind, id}] }

// DefaultProject is the account's default project, or nil while the
// projects are unknown.
func DefaultProject(s *Snapshot) *Project {
	projects := Projects.Of(s)
	for i := range projects {
		if projects[i].IsDefault {
			return &projects[i]
		}
	}
	return nil
}
