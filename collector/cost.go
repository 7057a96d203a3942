package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

var (
	costEstimate = newDesc("cost", "estimate_monthly_dollars",
		"List price a month in dollars of the workloads of each kind in each region whose price the API gives "+
			"(Droplets, Kubernetes node pools, apps), each counted once: a Droplet that is a node of a listed cluster "+
			"counts under kubernetes. What the API does not price is not included.", "kind", "region")
	costUnpriced = newDesc("cost", "unpriced_workloads",
		"Number of workloads of the kinds the API prices that have no list price (a node pool size missing from "+
			"the sizes list, say), and so are not in the cost estimates.", "kind")
	tagCostEstimate = newDesc("tag", "cost_estimate_monthly_dollars",
		"List price a month in dollars of the priced workloads that carry each tag. A workload with several tags "+
			"counts fully under each, so the tags' sums add up to more than the account's.", "tag")
	wasteResources = newDesc("waste", "resources",
		"Number of resources the account pays for and does not use, by kind and reason, as of the last refresh of "+
			"the lists each reason reads.", "kind", "reason")
	wasteDollars = newDesc("waste", "monthly_dollars",
		"List price a month in dollars of the wasted resources, by kind and reason, for the kinds the API prices "+
			"(Droplets powered off); absent when one of them has no price.", "kind", "reason")
	wasteResourceInfo = newDesc("waste", "resource_info",
		"Each resource the account pays for and does not use, with the reason; value 1.", "kind", "id", "name", "region", "reason")
)

// CostName is the collector of list prices and waste: it reads the other
// collectors' lists.
const CostName = "cost"

func newCostCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectCost,
		costEstimate, costUnpriced, tagCostEstimate, wasteResources, wasteDollars, wasteResourceInfo)
}

func collectCost(out emit, s *inventory.Snapshot) {
	collectEstimates(out, s)
	for _, r := range posture.WasteReasons {
		if r.Known(s) {
			collectWaste(out, s.Account, r, r.Find(s))
		}
	}
}

// collectEstimates sums the list prices of the workloads, once each.
func collectEstimates(out emit, s *inventory.Snapshot) {
	byRegion, byTag := counts{}, counts{}
	costed, unpriced := inventory.CostedWorkloads(s)
	for _, w := range costed {
		byRegion.addValue(w.MonthlyPrice, w.Kind, w.Region)
		for _, tag := range w.Tags {
			byTag.addValue(w.MonthlyPrice, tag)
		}
	}
	byRegion.send(out, costEstimate, s.Account)
	byTag.send(out, tagCostEstimate, s.Account)
	for _, kind := range inventory.PricedKinds() {
		if s.Status[kind].Known() {
			gauge(out, costUnpriced, float64(unpriced[kind]), s.Account, kind)
		}
	}
}

func collectWaste(out emit, account string, r posture.WasteReason, wasted []posture.Wasted) {
	dollars, priced := 0.0, r.Priced
	for _, w := range wasted {
		gauge(out, wasteResourceInfo, 1, account, w.Kind, w.ID, w.Name, w.Region, w.Reason)
		dollars += w.MonthlyPrice
		priced = priced && w.Priced
	}
	gauge(out, wasteResources, float64(len(wasted)), account, r.Kind, r.Reason)
	if priced {
		gauge(out, wasteDollars, dollars, account, r.Kind, r.Reason)
	}
}
