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

// joined keeps the series of a per-object metric keyed by (account, id)
// whose object passes the info selector, and copies labels from it.
func joined(metric, info string, labels ...string) string {
	return metric + " * on (account, id) group_left(" + strings.Join(labels, ", ") + ") " + info
}

// byParent is info with its id copied to a <parent>_id label, to join the
// series of child objects (node pools, app components, firewall rules).
func byParent(info, label string) string {
	return `label_replace(` + info + `, "` + label + `", "$1", "id", "(.*)")`
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
