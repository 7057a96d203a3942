package fakeapi

import (
	"maps"
	"slices"
)

// sizes are the platform's Droplet sizes, as many as the demo's droplets and
// node pools use, priced as its droplets are; the same for every account.
func (b builder) sizes(Account) []map[string]any {
	var sizes []map[string]any
	for _, slug := range slices.Sorted(maps.Keys(dropletSizes)) {
		plan := dropletSizes[slug]
		s := cloneObject(b.template(Sizes, 0))
		s["slug"], s["description"] = slug, plan.description
		s["vcpus"], s["memory"], s["disk"] = plan.vcpus, plan.memoryMB, plan.diskGB
		s["price_monthly"], s["price_hourly"] = plan.priceMonthly, hourlyPrice(plan.priceMonthly)
		s["regions"] = regionSlugs()
		object(first(s, "disk_info"), "size")["amount"] = plan.diskGB
		sizes = append(sizes, s)
	}
	return sizes
}

// appInstanceSizes are the example's App Platform instance sizes, with
// their prices: the demo's apps run two of them.
func (b builder) appInstanceSizes(Account) []map[string]any {
	var sizes []map[string]any
	for _, s := range b.templates.Lists[AppInstanceSizes] {
		sizes = append(sizes, cloneObject(s))
	}
	return sizes
}

func regionSlugs() []string {
	slugs := make([]string, len(regions))
	for i, r := range regions {
		slugs[i] = r.slug
	}
	return slugs
}
