package inventory

import (
	"context"
	"fmt"
	"slices"

	"github.com/digitalocean/godo"
)

func fetchApps(ctx context.Context, c *godo.Client) ([]*godo.App, error) {
	apps, err := listAll(ctx, c.Apps.List)
	if err != nil {
		return nil, fmt.Errorf("list apps: %w", err)
	}
	return apps, nil
}

func mapApps(in []*godo.App) []App {
	apps := make([]App, 0, len(in))
	for _, a := range in {
		if a == nil {
			continue
		}
		apps = append(apps, App{
			ID:                   a.ID,
			Name:                 appName(a),
			Region:               appRegion(a),
			Tier:                 appTier(a),
			Phase:                appPhase(a),
			Components:           appComponents(a.Spec),
			LastDeploymentActive: a.LastDeploymentActiveAt,
			Created:              a.CreatedAt,
		})
	}
	return apps
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
