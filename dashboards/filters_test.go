package dashboards

import "strings"

// Label matchers of the dashboard variables. All of a variable is ".*".
// Tags are one label, ",a,b," or "" when none: (.*,)?$tag(,.*)? matches a
// whole tag, and with All it matches every series, untagged ones included,
// which ".*,$tag,.*" would not.
const (
	byAccount = `account=~"$account"`
	byRegion  = `region=~"$region"`
	byTag     = `tags=~"(.*,)?$tag(,.*)?"`
)

// selector is metric{matchers...} with the matchers joined by commas.
func selector(metric string, matchers ...string) string {
	return metric + "{" + strings.Join(matchers, ", ") + "}"
}

// The info series of each kind, filtered by every variable that applies.
// Apps carry no tags, so they are filtered by account and region only.
var (
	droplets = selector("digitalocean_droplet_info", byAccount, byRegion, byTag)
	clusters = selector("digitalocean_kubernetes_cluster_info", byAccount, byRegion, byTag)
	dbs      = selector("digitalocean_database_info", byAccount, byRegion, byTag)
	apps     = selector("digitalocean_app_info", byAccount, byRegion)
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

func datasourceVariable() variable {
	return variable{Type: "datasource", Name: "datasource", Label: "Data source", Query: "prometheus",
		Refresh: 1, Options: []any{}}
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

func regionVariable(infoMetrics string) variable {
	series := infoMetrics + "{" + byAccount + "}"
	if strings.Contains(infoMetrics, "|") {
		series = `{__name__=~"` + infoMetrics + `", ` + byAccount + `}`
	}
	return labelValues("region", "region", series, "")
}

func tagVariable(kinds string) variable {
	return labelValues("tag", "tag", `digitalocean_tag_resources{`+byAccount+`, kind=~"`+kinds+`"}`,
		"Workloads that carry any of the chosen tags.")
}
