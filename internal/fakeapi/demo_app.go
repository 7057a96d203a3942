package fakeapi

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The kinds of app components.
const (
	service    = "service"
	worker     = "worker"
	job        = "job"
	staticSite = "static_site"
)

var componentKinds = []string{service, worker, job, staticSite}

// componentSpec is a kind's component name and its list in an app spec.
type componentSpec struct {
	name, key string
}

var componentSpecs = map[string]componentSpec{
	service:    {"web", "services"},
	worker:     {"queue-worker", "workers"},
	job:        {"migrate", "jobs"},
	staticSite: {"site", "static_sites"},
}

// appRegion is an App Platform region.
type appRegion struct {
	slug, label, flag, continent string
	dataCenters                  []string
}

var appRegions = []appRegion{
	{"nyc", "New York", "usa", "North America", []string{"nyc1", "nyc3"}},
	{"fra", "Frankfurt", "germany", "Europe", []string{"fra1"}},
	{"ams", "Amsterdam", "netherlands", "Europe", []string{"ams3"}},
	{"sfo", "San Francisco", "usa", "North America", []string{"sfo3"}},
	{"sgp", "Singapore", "singapore", "Asia", []string{"sgp1"}},
}

var appNames = []string{"storefront", "orders-api", "docs", "billing", "etl-pipeline", "landing"}

// app i runs the components its shape asks for. One app in three is on the
// professional tier.
func (b builder) app(i int) map[string]any {
	a := without(cloneObject(b.template(Apps, 0)), "active_deployment", "pending_deployment",
		"progress", "cause", "domains", "dedicated_ips", "vpc")
	name := fmt.Sprintf("%s-%02d", appNames[i%len(appNames)], i/len(appNames)+1)
	r := appRegions[i%len(appRegions)]
	tier := []string{"professional", "basic", "basic"}[i%3]
	ingress := fmt.Sprintf("https://%s-%s.ondigitalocean.app", name, shortSuffix("app", i))
	created := createdAt(i, b.size[Apps])

	a["id"] = appID(i)
	a["spec"] = b.appSpec(name, r.slug, tier, b.shapes.components(i))
	a["region"] = map[string]any{
		"slug": r.slug, "label": r.label, "flag": r.flag, "continent": r.continent, "data_centers": slices.Clone(r.dataCenters),
	}
	a["tier_slug"] = tier
	a["default_ingress"], a["live_url"], a["live_url_base"] = ingress, ingress, ingress
	a["live_domain"] = strings.TrimPrefix(ingress, "https://")
	a["created_at"] = stamp(created)
	b.setDeployments(a, i, created)
	return a
}

func appID(i int) string { return fakeUUID("app", i) }

func (b builder) appSpec(name, region, tier string, kinds []string) map[string]any {
	spec := without(cloneObject(object(b.template(Apps, 0), "spec")), "services", "domains", "vpc")
	spec["name"], spec["region"] = name, region
	for _, kind := range kinds {
		key := componentSpecs[kind].key
		components, _ := spec[key].([]any)
		spec[key] = append(components, b.component(kind, name, tier))
	}
	return spec
}

// component is made from the example app's service. Static sites run no
// instances, so they have no size or count.
func (b builder) component(kind, app, tier string) map[string]any {
	c := cloneObject(first(object(b.template(Apps, 0), "spec"), "services"))
	c["name"] = componentSpecs[kind].name
	object(c, "git")["repo_clone_url"] = fmt.Sprintf("https://git.example.com/platform/%s.git", app)
	c["instance_size_slug"], c["instance_count"] = "apps-s-1vcpu-1gb", 1
	if tier == "professional" {
		c["instance_size_slug"], c["instance_count"] = "apps-d-1vcpu-2gb", 2
	}
	switch kind {
	case worker:
		without(c, "http_port", "routes")["run_command"] = "bin/worker"
	case job:
		without(c, "http_port", "routes")["run_command"] = "bin/migrate"
		c["kind"], c["instance_count"] = "PRE_DEPLOY", 1
	case staticSite:
		without(c, "http_port", "run_command", "instance_size_slug", "instance_count")
		c["environment_slug"], c["build_command"], c["output_dir"] = "node-js", "npm run build", "dist"
	}
	return c
}

// rollout is where an app's deployments stand: whether one is active, and
// the phase of one being rolled out and the key it is listed under.
type rollout struct {
	active    bool
	newest    string
	newestKey string
}

// appRollout: most apps are live; one in six is deploying a new version,
// and one in six is new, with its first build pending.
func appRollout(i int) rollout {
	switch i % 6 {
	case 3:
		return rollout{active: true, newest: "DEPLOYING", newestKey: "in_progress_deployment"}
	case 5:
		return rollout{newest: "PENDING_BUILD", newestKey: "pending_deployment"}
	}
	return rollout{active: true}
}

func (b builder) setDeployments(a map[string]any, i int, created time.Time) {
	r := appRollout(i)
	latest := created
	if r.active {
		latest = created.Add(24 * time.Hour)
		d := b.deployment(a, fakeUUID("deployment", i, "active"), "ACTIVE", latest)
		a["active_deployment"], a["last_deployment_active_at"] = d, d["updated_at"]
	}
	if r.newest != "" {
		latest = latest.Add(2 * time.Hour)
		a[r.newestKey] = b.deployment(a, fakeUUID("deployment", i, r.newest), r.newest, latest)
	}
	a["last_deployment_created_at"], a["updated_at"] = stamp(latest), stamp(latest)
}

// deployment of app a, in phase, made at created.
func (b builder) deployment(a map[string]any, id, phase string, created time.Time) map[string]any {
	d := without(cloneObject(object(b.template(Apps, 0), "active_deployment")), "services")
	updated := stamp(created.Add(4 * time.Minute))
	d["id"], d["spec"] = id, cloneObject(a["spec"].(map[string]any))
	d["phase"], d["tier_slug"], d["cause"] = phase, a["tier_slug"], "app spec updated"
	d["progress"] = deploymentProgress(phase)
	d["created_at"], d["updated_at"], d["phase_last_updated_at"] = stamp(created), updated, updated
	return d
}

func deploymentProgress(phase string) map[string]any {
	switch phase {
	case "ACTIVE":
		return map[string]any{"success_steps": 6, "total_steps": 6}
	case "DEPLOYING":
		return map[string]any{"success_steps": 4, "running_steps": 1, "pending_steps": 1, "total_steps": 6}
	}
	return map[string]any{"pending_steps": 6, "total_steps": 6}
}
