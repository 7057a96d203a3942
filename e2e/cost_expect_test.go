package e2e

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The cost figures as a person would work them out with a calculator from
// the API's own answers: the JSON objects as decoded, read field by field,
// without the exporter's mapping code.

// figures are the expected series of one metric, by their labels but
// account ("id=3164444").
type figures map[string]float64

// labels writes label pairs as figures keys them: sorted by name.
func labels(pairs ...string) string {
	var kv []string
	for i := 0; i+1 < len(pairs); i += 2 {
		kv = append(kv, pairs[i]+"="+pairs[i+1])
	}
	sort.Strings(kv)
	return strings.Join(kv, ",")
}

func asObject(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any            { l, _ := v.([]any); return l }
func asText(v any) string           { s, _ := v.(string); return s }
func asNumber(v any) float64        { f, _ := v.(float64); return f }

// idOf is an object's id as the exporter labels it: a number without a
// fraction, or the string.
func idOf(o map[string]any) string {
	if f, ok := o["id"].(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return asText(o["id"])
}

// decimal reads an amount the API writes as a decimal string.
func decimal(s string) (*big.Rat, bool) {
	if s == "" || strings.ContainsAny(s, "eE/ ") {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}

func ratFloat(r *big.Rat) float64 { f, _ := r.Float64(); return f }

// sizePrices are /v2/sizes' monthly prices by slug; appSizePrices the
// instance sizes'.
func (a *answers) sizePrices() map[string]float64 {
	prices := map[string]float64{}
	for _, s := range a.sizes {
		if p := asNumber(s["price_monthly"]); p > 0 {
			prices[asText(s["slug"])] = p
		}
	}
	return prices
}

func (a *answers) appSizePrices() map[string]float64 {
	prices := map[string]float64{}
	for _, s := range a.instanceSizes {
		if p, ok := decimal(asText(s["usd_per_month"])); ok {
			prices[asText(s["slug"])] = ratFloat(p)
		}
	}
	return prices
}

func (a *answers) dropletPrices(field string) figures {
	out := figures{}
	for _, d := range a.droplets {
		if p := asNumber(asObject(d["size"])[field]); p > 0 {
			out[labels("id", idOf(d))] = p
		}
	}
	return out
}

func (a *answers) nodePoolPrices() figures {
	out, sizes := figures{}, a.sizePrices()
	for _, c := range a.clusters {
		for _, p := range asList(c["node_pools"]) {
			pool := asObject(p)
			if price, ok := sizes[asText(pool["size"])]; ok {
				out[labels("cluster_id", idOf(c), "id", idOf(pool))] = price * asNumber(pool["count"])
			}
		}
	}
	return out
}

// appPrice sums the components that run instances; false when a size is
// not listed or none runs instances.
func appPrice(app map[string]any, sizes map[string]float64) (float64, bool) {
	total, runs := 0.0, false
	for _, kind := range []string{"services", "workers", "jobs"} {
		for _, c := range asList(asObject(app["spec"])[kind]) {
			component := asObject(c)
			slug := asText(component["instance_size_slug"])
			if slug == "" {
				continue
			}
			price, ok := sizes[slug]
			if !ok {
				return 0, false
			}
			count := asNumber(component["instance_count"])
			if count == 0 {
				count = asNumber(asObject(component["autoscaling"])["min_instance_count"])
			}
			total, runs = total+price*count, true
		}
	}
	return total, runs
}

func (a *answers) appPrices() figures {
	out, sizes := figures{}, a.appSizePrices()
	for _, app := range a.apps {
		if price, ok := appPrice(app, sizes); ok {
			out[labels("id", idOf(app))] = price
		}
	}
	return out
}

// workload is one priced kind's object as the estimates see it.
type workload struct {
	kind, region string
	tags         []string
	price        float64
	priced       bool
}

// workloads are the Droplets (but the clusters' nodes), clusters and apps.
func (a *answers) workloads() []workload {
	nodes := map[string]bool{}
	for _, c := range a.clusters {
		for _, p := range asList(c["node_pools"]) {
			for _, n := range asList(asObject(p)["nodes"]) {
				nodes[asText(asObject(n)["droplet_id"])] = true
			}
		}
	}
	var out []workload
	droplets := a.dropletPrices("price_monthly")
	for _, d := range a.droplets {
		if !nodes[idOf(d)] {
			price, ok := droplets[labels("id", idOf(d))]
			out = append(out, workload{"droplets", asText(asObject(d["region"])["slug"]), tagSet(d["tags"]), price, ok})
		}
	}
	sizes := a.sizePrices()
	for _, c := range a.clusters {
		total, priced := 0.0, len(asList(c["node_pools"])) > 0
		for _, p := range asList(c["node_pools"]) {
			price, ok := sizes[asText(asObject(p)["size"])]
			total, priced = total+price*asNumber(asObject(p)["count"]), priced && ok
		}
		out = append(out, workload{"kubernetes", asText(c["region"]), tagSet(c["tags"]), total, priced})
	}
	appSizes := a.appSizePrices()
	for _, app := range a.apps {
		price, ok := appPrice(app, appSizes)
		out = append(out, workload{"apps", asText(asObject(app["region"])["slug"]), nil, price, ok})
	}
	return out
}

func tagSet(v any) []string {
	var tags []string
	for _, t := range asList(v) {
		if s := asText(t); s != "" && !slices.Contains(tags, s) {
			tags = append(tags, s)
		}
	}
	return tags
}

func (a *answers) estimates() (byRegion, byTag, unpriced figures) {
	byRegion, byTag, unpriced = figures{}, figures{}, figures{
		labels("kind", "droplets"): 0, labels("kind", "kubernetes"): 0, labels("kind", "apps"): 0,
	}
	for _, w := range a.workloads() {
		if !w.priced {
			unpriced[labels("kind", w.kind)]++
			continue
		}
		byRegion[labels("kind", w.kind, "region", w.region)] += w.price
		for _, t := range w.tags {
			byTag[labels("tag", t)] += w.price
		}
	}
	return byRegion, byTag, unpriced
}

// wasted is one wasted resource: its kind, id and reason.
type wasted struct{ kind, id, reason string }

func (a *answers) waste(now time.Time) []wasted {
	var out []wasted
	for _, v := range a.volumes {
		if len(asList(v["droplet_ids"])) == 0 {
			out = append(out, wasted{"volumes", idOf(v), "volume_unattached"})
		}
	}
	for _, ip := range a.reservedIPs {
		if ip["droplet"] == nil {
			out = append(out, wasted{"reservedips", asText(ip["ip"]), "reserved_ip_unassigned"})
		}
	}
	for _, s := range a.snapshots {
		if created, err := time.Parse(time.RFC3339, asText(s["created_at"])); err == nil && created.Before(now.Add(-90*24*time.Hour)) {
			out = append(out, wasted{"snapshots", idOf(s), "snapshot_old"})
		}
	}
	for _, d := range a.droplets {
		if asText(d["status"]) == "off" {
			out = append(out, wasted{"droplets", idOf(d), "droplet_off"})
		}
	}
	for _, lb := range a.loadBalancers {
		targets := len(asList(lb["droplet_ids"]))
		if tag := asText(lb["tag"]); tag != "" {
			targets = 0
			for _, d := range a.droplets {
				if slices.Contains(tagSet(d["tags"]), tag) {
					targets++
				}
			}
		}
		if targets == 0 {
			out = append(out, wasted{"loadbalancers", idOf(lb), "load_balancer_without_targets"})
		}
	}
	return out
}

func (a *answers) wasteFigures(now time.Time) (resources, dollars, info figures) {
	resources = figures{}
	for _, r := range [][2]string{{"volumes", "volume_unattached"}, {"reservedips", "reserved_ip_unassigned"},
		{"snapshots", "snapshot_old"}, {"droplets", "droplet_off"}, {"loadbalancers", "load_balancer_without_targets"}} {
		resources[labels("kind", r[0], "reason", r[1])] = 0
	}
	info, off, priced := figures{}, 0.0, true
	prices := a.dropletPrices("price_monthly")
	for _, w := range a.waste(now) {
		resources[labels("kind", w.kind, "reason", w.reason)]++
		info[labels("kind", w.kind, "id", w.id, "reason", w.reason)] = 1
		if w.reason == "droplet_off" {
			price, ok := prices[labels("id", w.id)]
			off, priced = off+price, priced && ok
		}
	}
	dollars = figures{}
	if priced {
		dollars[labels("kind", "droplets", "reason", "droplet_off")] = off
	}
	return resources, dollars, info
}

// balanceFigures are the balance's amounts and time, and the forecast.
func (a *answers) balanceFigures() map[string]figures {
	out := map[string]figures{}
	for metric, field := range map[string]string{
		"digitalocean_balance_month_to_date_usage_dollars":   "month_to_date_usage",
		"digitalocean_balance_account_balance_dollars":       "account_balance",
		"digitalocean_balance_month_to_date_balance_dollars": "month_to_date_balance",
	} {
		out[metric] = figures{}
		if amount, ok := decimal(asText(a.balance[field])); ok {
			out[metric][""] = ratFloat(amount)
		}
	}
	generated, _ := time.Parse(time.RFC3339, asText(a.balance["generated_at"]))
	out["digitalocean_balance_generated_timestamp_seconds"] = figures{"": float64(generated.Unix())}
	out["digitalocean_budget_forecast_month_dollars"] = figures{}
	start := time.Date(generated.Year(), generated.Month(), 1, 0, 0, 0, 0, time.UTC)
	usage := out["digitalocean_balance_month_to_date_usage_dollars"][""]
	if elapsed := generated.Sub(start).Hours(); elapsed >= 24 {
		out["digitalocean_budget_forecast_month_dollars"][""] = usage * start.AddDate(0, 1, 0).Sub(start).Hours() / elapsed
	}
	return out
}

// billed sums the data points by SKU and region, and the groups, the 50
// largest and the rest as other.
func (a *answers) billed() (bySKU, byGroup figures) {
	skus, groups := map[string]*big.Rat{}, map[string]*big.Rat{}
	add := func(sums map[string]*big.Rat, key string, amount *big.Rat) {
		if sums[key] == nil {
			sums[key] = new(big.Rat)
		}
		sums[key].Add(sums[key], amount)
	}
	for _, p := range a.dataPoints {
		amount, ok := decimal(asText(p["total_amount"]))
		if !ok {
			panic(fmt.Sprintf("the fake served an amount that is not one: %v", p))
		}
		add(skus, labels("region", asText(p["region"]), "sku", asText(p["sku"])), amount)
		if g := asText(p["group_description"]); g != "" {
			add(groups, g, amount)
		}
	}
	bySKU, byGroup = figures{}, figures{}
	for key, sum := range skus {
		bySKU[key] = ratFloat(sum)
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Slice(names, func(i, j int) bool {
		if c := groups[names[i]].Cmp(groups[names[j]]); c != 0 {
			return c > 0
		}
		return names[i] < names[j]
	})
	for i, g := range names {
		if i < 50 {
			byGroup[labels("group", g)] += ratFloat(groups[g])
		} else {
			byGroup[labels("group", "other")] += ratFloat(groups[g])
		}
	}
	return bySKU, byGroup
}
