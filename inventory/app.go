package inventory

import (
	"slices"
	"time"

	"github.com/digitalocean/godo"
)

// KindApps are App Platform apps.
const KindApps = "apps"

// App is one App Platform app.
type App struct {
	ID                   string
	Name                 string
	Region               string // a geography, such as nyc: apps are not placed in a datacenter
	Tier                 string
	Phase                string // of its newest deployment
	Components           []Component
	LastDeploymentActive time.Time
	Created              time.Time
}

// Component is one service, worker, job, static site or function of an app.
type Component struct {
	Name         string
	Type         string // service, worker, job, static_site, function
	InstanceSize string
	Instances    int64
}

// Apps lists the App Platform apps. They carry no tags.
var Apps = newList(listSpec[[]*godo.App, App]{
	Name: KindApps, Label: "Apps", Scope: "app:read", URN: "app",
	Fetch: paged("apps", func(c *godo.Client) listFunc[*godo.App] { return c.Apps.List }),
	Map:   each(mapApp),
	Workload: func(a *App) Workload {
		return Workload{ID: a.ID, Name: a.Name, Region: a.Region, Status: a.Phase, Created: a.Created}
	},
	Columns: HasRegion | HasStatus,
	Attributes: []Attribute[App]{
		{Key: "tier", Value: func(a *App) any { return a.Tier }},
		{Key: "components", Value: func(a *App) any { return len(a.Components) }},
		{Key: "instances", Value: func(a *App) any { return a.Instances() }},
	},
})

// Instances is the number of instances the app's components run.
func (a *App) Instances() int64 {
	var n int64
	for _, c := range a.Components {
		n += c.Instances
	}
	return n
}

func mapApp(a *godo.App) App {
	return App{
		ID:                   a.ID,
		Name:                 appName(a),
		Region:               appRegion(a),
		Tier:                 appTier(a),
		Phase:                appPhase(a),
		Components:           appComponents(a.Spec),
		LastDeploymentActive: a.LastDeploymentActiveAt,
		Created:              a.CreatedAt,
	}
}

func appName(a *godo.App) string {
	if a.Spec == nil {
		return ""
	}
	return a.Spec.Name
}

func appRegion(a *godo.App) string {
	switch {
	case a.Region != nil && a.Region.Slug != "":
		return a.Region.Slug
	case a.Spec != nil:
		return a.Spec.Region
	}
	return ""
}

func appTier(a *godo.App) string {
	if a.TierSlug == "" && a.ActiveDeployment != nil {
		return a.ActiveDeployment.TierSlug
	}
	return a.TierSlug
}

// appPhase is the phase of the app's newest deployment. The app itself has
// no phase; a deployment being rolled out says more than the active one, and
// the active one is ACTIVE even when the API leaves its phase out.
func appPhase(a *godo.App) string {
	switch {
	case a.InProgressDeployment != nil && a.InProgressDeployment.Phase != "":
		return string(a.InProgressDeployment.Phase)
	case a.PendingDeployment != nil && a.PendingDeployment.Phase != "":
		return string(a.PendingDeployment.Phase)
	case a.ActiveDeployment != nil && a.ActiveDeployment.Phase != "":
		return string(a.ActiveDeployment.Phase)
	case a.ActiveDeployment != nil:
		return string(godo.DeploymentPhase_Active)
	}
	return string(godo.DeploymentPhase_Unknown)
}

// appComponents lists what an app runs. Static sites and functions run no
// instances of their own, so they count zero.
func appComponents(spec *godo.AppSpec) []Component {
	if spec == nil {
		return nil
	}
	var components []Component
	for _, s := range nonNil(spec.Services) {
		components = append(components, scaled(s.Name, "service", s.InstanceSizeSlug, s.InstanceCount, s.Autoscaling))
	}
	for _, w := range nonNil(spec.Workers) {
		components = append(components, scaled(w.Name, "worker", w.InstanceSizeSlug, w.InstanceCount, w.Autoscaling))
	}
	for _, j := range nonNil(spec.Jobs) {
		components = append(components, scaled(j.Name, "job", j.InstanceSizeSlug, j.InstanceCount, nil))
	}
	for _, s := range nonNil(spec.StaticSites) {
		components = append(components, Component{Name: s.Name, Type: "static_site"})
	}
	for _, f := range nonNil(spec.Functions) {
		components = append(components, Component{Name: f.Name, Type: "function"})
	}
	return components
}

// scaled is a component that runs instances. An autoscaled one has no fixed
// count in its spec; it runs at least its minimum.
func scaled(name, kind, size string, count int64, autoscaling *godo.AppAutoscalingSpec) Component {
	if count == 0 && autoscaling != nil {
		count = autoscaling.MinInstanceCount
	}
	return Component{Name: name, Type: kind, InstanceSize: size, Instances: count}
}

// nonNil drops the null entries a malformed answer can hold.
func nonNil[T any](items []*T) []*T {
	return slices.DeleteFunc(slices.Clone(items), func(item *T) bool { return item == nil })
}
