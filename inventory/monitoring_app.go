package inventory

import (
	"cmp"
	"slices"
)

// AppMetrics reads the CPU, memory and restarts of every instance of every
// app's components: three requests an app. An app whose components run no
// instance (static sites only) has nothing to read, and is asked again on
// the detail cadence only.
var AppMetrics = newMonitored(monitorSpec[App, AppUsage]{
	Name: KindAppMetrics, Label: "App metrics", Scope: "monitoring:read",
	Parent: Apps, Path: "apps", IDParam: "app_id",
	ID:     func(a *App) string { return a.ID },
	Select: func(a *App, _ MonitoringOptions) (selected, reports bool) { return true, a.Instances() > 0 },
	Requests: func(MonitoringOptions) []metricRequest {
		return named("cpu_percentage", "memory_percentage", "restart_count")
	},
	Read: readApp,
})

// AppUsage is what an app's components reported, one entry per instance,
// sorted by component and instance.
type AppUsage struct {
	Instances []AppInstanceUsage
}

// AppInstanceUsage is one instance of a component: CPU and Memory are
// shares (the API's percentages over 100), Restarts as the API counts them.
type AppInstanceUsage struct {
	Component, Instance   string
	CPU, Memory, Restarts Window
}

func readApp(_ AppUsage, answers [][]series, _ MonitoringOptions) AppUsage {
	type key struct{ component, instance string }
	byInstance := map[key]*AppInstanceUsage{}
	for i, field := range []func(*AppInstanceUsage) *Window{
		func(u *AppInstanceUsage) *Window { return &u.CPU },
		func(u *AppInstanceUsage) *Window { return &u.Memory },
		func(u *AppInstanceUsage) *Window { return &u.Restarts },
	} {
		scale := []float64{0.01, 0.01, 1}[i]
		for _, s := range answers[i] {
			k := key{s.labels["app_component"], s.labels["app_component_instance"]}
			u := byInstance[k]
			if u == nil {
				u = &AppInstanceUsage{Component: k.component, Instance: k.instance}
				byInstance[k] = u
			}
			*field(u) = windowOf(s.samples).scaled(scale)
		}
	}
	var usage AppUsage
	for _, u := range byInstance {
		usage.Instances = append(usage.Instances, *u)
	}
	slices.SortFunc(usage.Instances, func(a, b AppInstanceUsage) int {
		return cmp.Or(cmp.Compare(a.Component, b.Component), cmp.Compare(a.Instance, b.Instance))
	})
	return usage
}
