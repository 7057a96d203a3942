package fakeapi

import (
	"fmt"
	"math"
)

// balance is the account's balance: nothing owed before this month. Its
// month-to-date figures are made at each request (billing.go).
func (b builder) balance(Account) []map[string]any {
	balance := cloneObject(b.template(Balance, 0))
	balance["account_balance"] = "0.00"
	return []map[string]any{balance}
}

// The fake's bill for what has no price in the API's price lists: block
// storage by the GiB and load balancers by the unit, a month each.
const (
	volumeCentsPerGiBMonth = 10
	lbCentsPerUnitMonth    = 1200
	daysPerMonth           = 30
)

// bill is one day's bill being added up: one data point per SKU, region
// and invoice item group, in the order they first appear.
type bill struct {
	keys  []billKey
	items map[billKey]*billItem
}

type billKey struct{ sku, region, group string }

type billItem struct {
	cents int64
	count int
	what  string // what one unit of the item is, for its description
}

func (bl *bill) add(key billKey, what string, cents int64) {
	if bl.items == nil {
		bl.items = map[billKey]*billItem{}
	}
	item, ok := bl.items[key]
	if !ok {
		item = &billItem{what: what}
		bl.items[key] = item
		bl.keys = append(bl.keys, key)
	}
	item.cents += cents
	item.count++
}

// billingDay is one day of the account's bill, made from what it holds:
// its droplets and node pools at their sizes' hourly prices, its apps at
// their instance sizes' prices, its volumes and load balancers at the
// fake's own rates. The billing insights route serves it once per day.
func (b builder) billingDay(a Account) []map[string]any {
	var bl bill
	for _, d := range append(append([]map[string]any{}, a.Lists[Droplets]...), a.Lists[GPUDroplets]...) {
		slug, size := d["size_slug"].(string), object(d, "size")
		bl.add(billKey{"1-DO-DROP-" + slug, object(d, "region")["slug"].(string), ""}, "Droplet ("+slug+")",
			centsOf(number(size["price_hourly"])*24))
	}
	hourly := map[string]float64{}
	for _, s := range a.Lists[Sizes] {
		hourly[s["slug"].(string)] = number(s["price_hourly"])
	}
	for _, c := range a.Lists[Clusters] {
		for _, pool := range c["node_pools"].([]any) {
			p := pool.(map[string]any)
			slug := p["size"].(string)
			if price, ok := hourly[slug]; ok {
				bl.add(billKey{"1-KS-K8SWN-" + slug, c["region"].(string), c["name"].(string)},
					"node ("+slug+")", int64(number(p["count"]))*centsOf(price*24))
			}
		}
	}
	b.billApps(&bl, a)
	for _, v := range a.Lists[Volumes] {
		bl.add(billKey{"1-DO-BLOCK-0001", object(v, "region")["slug"].(string), ""}, "volume",
			centsOf(number(v["size_gigabytes"])*volumeCentsPerGiBMonth/100/daysPerMonth))
	}
	for _, lb := range a.Lists[LoadBalancers] {
		bl.add(billKey{"1-DO-LB-0001", object(lb, "region")["slug"].(string), ""}, "load balancer",
			centsOf(number(lb["size_unit"])*lbCentsPerUnitMonth/100/daysPerMonth))
	}
	return b.dataPoints(bl)
}

// billApps adds each app component that runs instances at its instance
// size's monthly price.
func (b builder) billApps(bl *bill, a Account) {
	monthly := map[string]float64{}
	for _, s := range a.Lists[AppInstanceSizes] {
		usd, _ := s["usd_per_month"].(string)
		monthly[s["slug"].(string)] = float64(cents(usd)) / 100
	}
	for _, app := range a.Lists[Apps] {
		spec := object(app, "spec")
		for _, key := range []string{"services", "workers", "jobs"} {
			components, _ := spec[key].([]any)
			for _, component := range components {
				c := component.(map[string]any)
				slug, _ := c["instance_size_slug"].(string)
				if price, ok := monthly[slug]; ok {
					bl.add(billKey{"1-AP-" + slug, spec["region"].(string), ""}, "app instance ("+slug+")",
						int64(number(c["instance_count"]))*centsOf(price/daysPerMonth))
				}
			}
		}
	}
}

// dataPoints writes the day's bill as the API's data points, made from
// the example's; the route dates them.
func (b builder) dataPoints(bl bill) []map[string]any {
	points := make([]map[string]any, 0, len(bl.keys))
	for _, key := range bl.keys {
		item := bl.items[key]
		p := cloneObject(b.template(BillingInsights, 0))
		p["sku"], p["region"], p["group_description"] = key.sku, key.region, key.group
		p["description"] = fmt.Sprintf("%d x %s", item.count, item.what)
		p["total_amount"] = dollars(item.cents)
		points = append(points, p)
	}
	return points
}

func centsOf(dollars float64) int64 { return int64(math.Round(dollars * 100)) }
