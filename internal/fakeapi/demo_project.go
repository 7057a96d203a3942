package fakeapi

import "fmt"

// demoProject is a project of the demo. It holds the objects that carry
// its tag; the default project holds the rest.
type demoProject struct {
	name, description, purpose, environment string
	tag                                     string // "" for the default project
}

// demoProjects: the storefront runs production, the platform team its
// clusters and workers, staging its own; the default project keeps what
// nobody sorted (the bastions, a stray volume, the reserved IPs).
var demoProjects = []demoProject{
	{"storefront", "The shop, its API and their data", "Web Application", "Production", "production"},
	{"platform", "Kubernetes clusters and their workers", "Service or API", "Production", "k8s:worker"},
	{"staging", "Where releases are tried first", "Web Application", "Staging", "staging"},
	{"Default", "Default project", "Just trying out DigitalOcean", "Development", ""},
}

const (
	storefrontProject = 0
	platformProject   = 1
	defaultProject    = 3
)

func projectID(i int) string { return fakeUUID("project", i) }

// project i is one of demoProjects; a later round is numbered.
func (b builder) project(i int) map[string]any {
	p := demoProjects[i%len(demoProjects)]
	o := cloneObject(b.template(Projects, 0))
	o["id"], o["name"], o["owner_uuid"] = projectID(i), numbered(p.name, i/len(demoProjects)), hexID("account")
	o["description"], o["purpose"], o["environment"] = p.description, p.purpose, p.environment
	o["is_default"] = i == defaultProject
	o["created_at"] = stamp(createdAt(i, b.size[Projects]))
	o["updated_at"] = o["created_at"]
	return o
}

// projectOfTags is the project that holds an object with tags: the first
// whose tag it carries, or the default project.
func projectOfTags(tags []string) int {
	for i, p := range demoProjects {
		for _, t := range tags {
			if p.tag != "" && t == p.tag {
				return i
			}
		}
	}
	return defaultProject
}

// projectMember is a list whose objects projects hold: the type and the
// field their URNs name them by, the path of their own links, and which
// project holds object i.
type projectMember struct {
	list, urnType, key, path string
	project                  func(i int, object map[string]any) int
}

var projectMembers = []projectMember{
	{Droplets, "droplet", "id", "/v2/droplets", byTags},
	{GPUDroplets, "droplet", "id", "/v2/droplets", byTags},
	{Clusters, "kubernetes", "id", "/v2/kubernetes/clusters", func(int, map[string]any) int { return platformProject }},
	{Databases, "dbaas", "id", "/v2/databases", byTags},
	{Apps, "app", "id", "/v2/apps", alternately},
	{Volumes, "volume", "id", "/v2/volumes", byTags},
	{LoadBalancers, "loadbalancer", "id", "/v2/load_balancers", byTags},
	{Domains, "domain", "name", "/v2/domains", alternately},
	{ReservedIPs, "floatingip", "ip", "/v2/reserved_ips", func(int, map[string]any) int { return defaultProject }},
}

func byTags(_ int, object map[string]any) int { return projectOfTags(stringsOf(object["tags"])) }

// alternately puts untagged objects in the storefront and staging in turn.
func alternately(i int, _ map[string]any) int { return []int{storefrontProject, 2}[i%2] }

// projectResources of project i are the objects of every member list it
// holds, and for the storefront a Spaces bucket, which the exporter does
// not list.
func (b builder) projectResources(i int) []map[string]any {
	resources := []map[string]any{}
	add := func(urnType, id, path string, n int) {
		r := cloneObject(b.exampleOf(ProjectResources))
		r["urn"] = "do:" + urnType + ":" + id
		r["assigned_at"] = stamp(createdAt(n, 1000).Add(history / 2))
		r["links"] = map[string]any{"self": "https://api.digitalocean.com" + path + "/" + id}
		r["status"] = "ok"
		resources = append(resources, r)
	}
	for _, m := range projectMembers {
		for n, object := range b.built[m.list] {
			if m.project(n, object) == i {
				add(m.urnType, fmt.Sprint(object[m.key]), m.path, n)
			}
		}
	}
	if i == storefrontProject {
		add("space", "storefront-assets", "/v2/spaces", 0)
	}
	return resources
}
