package inventory

import "strconv"

// List prices, in dollars a month, as the API gives them and nothing else:
// a Droplet's from its size in the Droplet list, a node pool's from the
// sizes list, an app's from the instance sizes list. What the API does not
// price (the control plane of an HA cluster, volumes, snapshots, load
// balancers, reserved IPs, databases, static sites, bandwidth) has no
// price here, and a workload with any part unpriced has none: unknown is
// absent, not zero, and never a partial sum.

// Prices are list prices by kind, then by workload ID.
type Prices map[string]map[string]float64

// Of is the monthly list price of one workload; false when the API does
// not give it.
func (p Prices) Of(kind, id string) (float64, bool) {
	price, ok := p[kind][id]
	return price, ok
}

// ListPrices are the monthly list prices of the workloads of s: Droplets,
// Kubernetes clusters (their node pools) and apps.
func ListPrices(s *Snapshot) Prices {
	prices := Prices{KindDroplets: {}, KindKubernetes: {}, KindApps: {}}
	for _, d := range Droplets.Of(s) {
		if d.PriceMonthly > 0 {
			prices[KindDroplets][strconv.Itoa(d.ID)] = d.PriceMonthly
		}
	}
	sizes := SizePrices(s)
	for _, c := range Clusters.Of(s) {
		if price, ok := c.MonthlyPrice(sizes); ok {
			prices[KindKubernetes][c.ID] = price
		}
	}
	instanceSizes := AppInstancePrices(s)
	for _, a := range Apps.Of(s) {
		if price, ok := a.MonthlyPrice(instanceSizes); ok {
			prices[KindApps][a.ID] = price
		}
	}
	return prices
}

// SizePrices are the monthly list prices of Droplet sizes, by slug.
func SizePrices(s *Snapshot) map[string]float64 {
	prices := map[string]float64{}
	for _, size := range Sizes.Of(s) {
		if size.PriceMonthly > 0 {
			prices[size.Slug] = size.PriceMonthly
		}
	}
	return prices
}

// AppInstancePrices are the monthly list prices of app instance sizes, by slug.
func AppInstancePrices(s *Snapshot) map[string]float64 {
	prices := map[string]float64{}
	for _, size := range AppInstanceSizes.Of(s) {
		if size.PriceMonthly.Known && size.PriceMonthly.Dollars >= 0 {
			prices[size.Slug] = size.PriceMonthly.Dollars
		}
	}
	return prices
}

// MonthlyPrice is the pool's size price times its desired node count.
func (p *NodePool) MonthlyPrice(sizes map[string]float64) (float64, bool) {
	price, ok := sizes[p.Size]
	return price * float64(p.Count), ok
}

// MonthlyPrice is the sum of the cluster's node pools; false when a pool's
// size is unpriced, or the cluster has no pool.
func (c *Cluster) MonthlyPrice(sizes map[string]float64) (float64, bool) {
	total := 0.0
	for i := range c.NodePools {
		price, ok := c.NodePools[i].MonthlyPrice(sizes)
		if !ok {
			return 0, false
		}
		total += price
	}
	return total, len(c.NodePools) > 0
}

// MonthlyPrice is the sum, over the app's components that run instances,
// of their instance size's price times their instance count; false when a
// size is unpriced, or no component runs instances (static sites and
// functions are not priced by instance).
func (a *App) MonthlyPrice(sizes map[string]float64) (float64, bool) {
	total, priced := 0.0, false
	for _, c := range a.Components {
		if c.InstanceSize == "" {
			continue
		}
		price, ok := sizes[c.InstanceSize]
		if !ok {
			return 0, false
		}
		total += price * float64(c.Instances)
		priced = true
	}
	return total, priced
}

// PricedWorkload is a workload with its monthly list price.
type PricedWorkload struct {
	Workload
	MonthlyPrice float64
}

// pricedKinds are the kinds whose workloads the API prices.
var pricedKinds = []*Kind{Droplets.Kind, Clusters.Kind, Apps.Kind}

// PricedKinds names the kinds whose workloads the API prices.
func PricedKinds() []string { return Names(pricedKinds) }

// CostedWorkloads are the workloads of s that have a list price, each
// counted once: a Droplet that is a node of a listed Kubernetes cluster
// is left out, since its node pool's price counts it. Their prices add up
// to what the account's priced workloads cost a month. unpriced counts by
// kind the workloads left out for want of a price.
func CostedWorkloads(s *Snapshot) (costed []PricedWorkload, unpriced map[string]int) {
	prices, nodes := ListPrices(s), clusterNodeDroplets(s)
	unpriced = map[string]int{}
	for _, kind := range pricedKinds {
		for _, w := range kind.Workloads(s) {
			if kind.name == KindDroplets && nodes[w.ID] {
				continue
			}
			if price, ok := prices.Of(kind.name, w.ID); ok {
				costed = append(costed, PricedWorkload{Workload: w, MonthlyPrice: price})
			} else {
				unpriced[w.Kind]++
			}
		}
	}
	return costed, unpriced
}

// clusterNodeDroplets are the IDs of the Droplets that are nodes of a
// listed cluster.
func clusterNodeDroplets(s *Snapshot) map[string]bool {
	nodes := map[string]bool{}
	for _, c := range Clusters.Of(s) {
		for _, p := range c.NodePools {
			for _, n := range p.Nodes {
				if n.DropletID != "" {
					nodes[n.DropletID] = true
				}
			}
		}
	}
	return nodes
}
