package dashboards

import (
	"fmt"
	"slices"
	"strings"
)

// Importing and provisioning. Grafana's Import dialog reads __inputs, asks
// for a Prometheus data source, and replaces ${DS_PROMETHEUS} everywhere in
// the JSON with the one chosen. A dashboard provisioned from a file, or by
// the Helm chart's Grafana sidecar, is read as written: nothing replaces
// ${DS_PROMETHEUS} there. So panels and variables use only the $datasource
// variable, which works both ways, and ${DS_PROMETHEUS} stands in one
// place: the variable's current value. Imported, the variable starts at the
// data source chosen in the dialog; provisioned, the value names no data
// source, and Grafana selects one of the Prometheus data sources it has.
const datasourceInput = "DS_PROMETHEUS"

// grafanaVersion is the first version of the schema the dashboards are
// written in (schemaVersion 39).
const grafanaVersion = "10.3.0"

// panelPlugins names the panel types the dashboards use, as Grafana does.
var panelPlugins = map[string]string{
	"bargauge": "Bar gauge", "stat": "Stat", "table": "Table", "timeseries": "Time series",
}

func datasourceVariable() variable {
	placeholder := "${" + datasourceInput + "}"
	return variable{Type: "datasource", Name: "datasource", Label: "Data source", Query: "prometheus",
		Current: &currentOption{Text: placeholder, Value: placeholder}, Refresh: 1, Options: []any{}}
}

func inputs() []input {
	return []input{{Name: datasourceInput, Label: "Prometheus", Description: "The Prometheus that scrapes digitalocean_exporter.",
		Type: "datasource", PluginID: "prometheus", PluginName: "Prometheus"}}
}

// requirements are Grafana, the Prometheus data source and the type of
// every panel, rows aside (a row is layout, not a plugin), sorted by id as
// Grafana's export sorts them.
func requirements(panels []*panel) ([]require, error) {
	out := []require{
		{Type: "grafana", ID: "grafana", Name: "Grafana", Version: grafanaVersion},
		{Type: "datasource", ID: "prometheus", Name: "Prometheus", Version: "1.0.0"},
	}
	for _, p := range panels {
		if p.Type == "row" || slices.ContainsFunc(out, func(r require) bool { return r.ID == p.Type }) {
			continue
		}
		name, ok := panelPlugins[p.Type]
		if !ok {
			return nil, fmt.Errorf("panel %q: type %q has no name in panelPlugins", p.Title, p.Type)
		}
		out = append(out, require{Type: "panel", ID: p.Type, Name: name, Version: ""})
	}
	slices.SortFunc(out, func(a, b require) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}
