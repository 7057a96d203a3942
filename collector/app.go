package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

var (
	appInfo = newDesc("app", "info",
		"Descriptive labels of each App Platform app, with the phase of its newest deployment, as of the last refresh; value 1.",
		"id", "name", "region", "tier", "phase")
	appComponentInstances = newDesc("app", "component_instances",
		"Instances each app component runs (static sites and functions run none), as of the last refresh.",
		"app_id", "component", "component_type", "instance_size")
	appLastDeploymentActive = newDesc("app", "last_deployment_active_timestamp_seconds",
		"When each app's last deployment became active, in Unix seconds, as of the last refresh.", "id")
	appCreated = newDesc("app", "created_timestamp_seconds",
		"When each app was created, in Unix seconds, as of the last refresh.", "id")
	appPrice = newDesc("app", "price_monthly_dollars",
		"List price of each app a month in dollars: over its components that run instances, the instance size's price "+
			"times the instance count; absent when an instance size is not in the instance sizes list. Static sites, "+
			"functions, databases and bandwidth are not included.", "id")
	apps = newDesc("", "apps",
		"Number of apps by region, tier and deployment phase, as of the last refresh.", "region", "tier", "phase")
)

func newAppCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindApps, src, collectApps,
		appInfo, appComponentInstances, appLastDeploymentActive, appCreated, appPrice, apps)
}

func collectApps(out emit, s *inventory.Snapshot) {
	byGroup := counts{}
	list := inventory.Apps.Of(s)
	sizes := inventory.AppInstancePrices(s)
	for i := range list {
		a := &list[i]
		gauge(out, appInfo, 1, s.Account, a.ID, a.Name, a.Region, a.Tier, a.Phase)
		for _, c := range a.Components {
			gauge(out, appComponentInstances, float64(c.Instances), s.Account, a.ID, c.Name, c.Type, c.InstanceSize)
		}
		timestamp(out, appLastDeploymentActive, a.LastDeploymentActive, s.Account, a.ID)
		timestamp(out, appCreated, a.Created, s.Account, a.ID)
		if price, ok := a.MonthlyPrice(sizes); ok {
			gauge(out, appPrice, price, s.Account, a.ID)
		}
		byGroup.add(a.Region, a.Tier, a.Phase)
	}
	byGroup.send(out, apps, s.Account)
}
