package dashboards

import "strings"

// Label matchers of the dashboard variables. All of a variable is ".*".
// Tags are one label, ",a,b," or "" when none: (.*,)?$tag(,.*)? matches a
// whole tag, and with All it matches every series, untagged ones included,
// which ".*,$tag,.*" would not.
//
// The region variable offers datacenters (nyc1) and the geographies apps
// run in (nyc). A datacenter kind matches a datacenter, or every datacenter
// of a chosen geography: nyc[0-9]* is nyc1 and nyc3. Apps match the hidden
// geography variable, the geographies of what the region variable selects,
// so that nyc1 shows its Droplets and the apps of nyc together.
const (
	byAccount   = `account=~"$account"`
	byRegion    = `region=~"${region}[0-9]*"`
	byGeography = `region=~"$geography"`
	byTag       = `tags=~"(.*,)?$tag(,.*)?"`
)

// untaggedNote says, where a panel shows apps beside a tag filter, that the
// filter does not apply to them.
const untaggedNote = "Apps carry no tags: the tag filter does not apply to them."

// selector is metric{matchers...} with the matchers joined by commas.
func selector(metric string, matchers ...string) string {
	return metric + "{" + strings.Join(matchers, ", ") + "}"
}

// The info series of each kind, filtered by every variable that applies.
// Apps carry no tags, so they are filtered by account and geography only.
var (
	droplets = selector("digitalocean_droplet_info", byAccount, byRegion, byTag)
	clusters = selector("digitalocean_kubernetes_cluster_info", byAccount, byRegion, byTag)
	dbs      = selector("digitalocean_database_info", byAccount, byRegion, byTag)
	apps     = selector("digitalocean_app_info", byAccount, byGeography)
)

// filtered is an info selector with more matchers.
func filtered(info string, matchers ...string) string {
	return strings.TrimSuffix(info, "}") + ", " + strings.Join(matchers, ", ") + "}"
}

// A pair of exporters. Two exporters that watch the same account (a pair
// kept up for high availability, or the old and the new host of a move)
// export the same series but for the labels Prometheus gives each target:
// instance, and pod under Kubernetes. A panel reads every series through
// one, lowest or labelsOf, so that the pair shows as one exporter would:
// nothing counted twice, no row twice, and one match per object in a join.
const targetLabels = "instance, pod"

// one is each series of expr once, whichever exporters export it.
func one(expr string) string { return "max without (" + targetLabels + ") (" + expr + ")" }

// lowest is each series of expr once, at its lowest: for values whose
// worst is the lowest (a refresh that worked, requests left).
func lowest(expr string) string { return "min without (" + targetLabels + ") (" + expr + ")" }

// labelsOf is the right-hand side of a join on keys that copies labels
// from info: one series per key, holding only the keys and labels. While
// the exporters of a pair disagree (one has refreshed, the other not yet)
// topk takes either.
func labelsOf(info, keys string, labels ...string) string {
	if len(labels) == 0 {
		return "max by (" + keys + ") (" + info + ")"
	}
	return "topk by (" + keys + ") (1, max by (" + keys + ", " + strings.Join(labels, ", ") + ") (" + info + "))"
}

// joined keeps the series of a per-object metric keyed by (account, id)
// whose object passes the info selector, and copies labels from it.
func joined(metric, info string, labels ...string) string {
	return joinedBy("id", metric, info, labels...)
}

// joinedBy is joined for the series of child objects, keyed by their
// parent's id in the label key (node pools by cluster_id, app components by
// app_id, firewall rules by firewall_id).
func joinedBy(key, metric, info string, labels ...string) string {
	if key != "id" {
		info = `label_replace(` + info + `, "` + key + `", "$1", "id", "(.*)")`
	}
	return one(metric) + " * on (account, " + key + ") group_left(" + strings.Join(labels, ", ") + ") " +
		labelsOf(info, "account, "+key, labels...)
}

// labelValues is a query variable over one label, multi-valued, with All.
func labelValues(name, label, series, description string) variable {
	definition := "label_values(" + series + ", " + label + ")"
	return variable{
		Type: "query", Name: name, Label: strings.ToUpper(name[:1]) + name[1:], Description: description, Datasource: prometheusDS,
		Query:      variableQuery{QryType: 1, Query: definition, RefID: "PrometheusVariableQueryEditor-VariableQuery"},
		Definition: definition, Current: &currentOption{Selected: true, Text: []string{"All"}, Value: []string{"$__all"}},
		Refresh: 2, Sort: 1, Multi: true, IncludeAll: true, AllValue: ".*", Options: []any{},
	}
}

func accountVariable() variable {
	return labelValues("account", "account", "digitalocean_up", "The account's name in the exporter's configuration.")
}

// regionVariable is the region variable over the info metrics given.
func regionVariable(infoMetrics string) variable { return regionVariables(infoMetrics)[0] }

// regionVariables are the region variable over the info metrics given and
// the hidden geography variable derived from it, for dashboards with apps.
func regionVariables(infoMetrics string) []variable {
	series := func(matchers ...string) string {
		if strings.Contains(infoMetrics, "|") {
			return `{__name__=~"` + infoMetrics + `", ` + strings.Join(matchers, ", ") + `}`
		}
		return infoMetrics + "{" + strings.Join(matchers, ", ") + "}"
	}
	region := labelValues("region", "region", series(byAccount),
		"A datacenter (nyc1) or a geography (nyc). Apps run in a geography and show under each of its datacenters.")
	geography := labelValues("geography", "region", series(byAccount, byRegion), "")
	geography.Regex, geography.Hide = "/^([a-z]+)/", 2
	geography.AllValue = "" // All is every geography the query found, not any at all
	return []variable{region, geography}
}

func tagVariable(kinds string) variable {
	return labelValues("tag", "tag", `digitalocean_tag_resources{`+byAccount+`, kind=~"`+kinds+`"}`,
		"Workloads that carry any of the chosen tags.")
}
