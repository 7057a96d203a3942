package dashboards

import "strings"

// prometheusDS is the data source every panel and variable uses: the one the
// $datasource variable picks when the dashboard is imported.
var prometheusDS = &datasource{Type: "prometheus", UID: "${datasource}"}

// spec is one dashboard before layout.
type spec struct {
	file, uid, title, description string
	variables                     []variable
	rows                          []row
}

// row is a titled group of panels, laid out left to right and wrapped at
// the grid's 24 columns. An untitled row has no header.
type row struct {
	title  string
	panels []*panel
}

// build lays the panels out, numbers them from 1 and adds what every
// dashboard shares.
func build(s spec) (dashboard, error) {
	d := dashboard{
		UID: s.uid, Title: s.title, Description: s.description, Tags: []string{"digitalocean"},
		Timezone: "browser", Editable: true, GraphTooltip: 1, Time: timeRange{From: "now-6h", To: "now"},
		Refresh: "1m", SchemaVersion: 39, Version: 1,
		Links: []link{{Title: "DigitalOcean", Type: "dashboards", Icon: "external link", Tags: []string{"digitalocean"},
			AsDropdown: true, IncludeVars: true, KeepTime: true}},
		Annotations: annotations{List: []annotation{{BuiltIn: 1, Datasource: &datasource{Type: "grafana", UID: "-- Grafana --"},
			Enable: true, Hide: true, IconColor: "rgba(0, 211, 255, 1)", Name: "Annotations & Alerts", Type: "dashboard"}}},
		Templating: templating{List: append([]variable{datasourceVariable()}, s.variables...)},
	}
	id, y := 0, 0
	for _, r := range s.rows {
		if r.title != "" {
			id++
			collapsed, none := false, []*panel{}
			d.Panels = append(d.Panels, &panel{ID: id, Type: "row", Title: r.title, Collapsed: &collapsed, Panels: &none,
				GridPos: gridPos{H: 1, W: 24, X: 0, Y: y}})
			y++
		}
		x, rowHeight := 0, 0
		for _, p := range r.panels {
			if x+p.GridPos.W > 24 {
				x, y, rowHeight = 0, y+rowHeight, 0
			}
			id++
			p.ID, p.GridPos.X, p.GridPos.Y = id, x, y
			x += p.GridPos.W
			rowHeight = max(rowHeight, p.GridPos.H)
			d.Panels = append(d.Panels, p)
		}
		y += rowHeight
	}
	requires, err := requirements(d.Panels)
	d.Inputs, d.Requires = inputs(), requires
	return d, err
}

// query is one PromQL expression of a panel and how its series are named.
type query struct{ expr, legend string }

func targets(instant bool, format string, queries []query) []target {
	var out []target
	for i, q := range queries {
		out = append(out, target{RefID: string(rune('A' + i)), Datasource: prometheusDS, EditorMode: "code",
			Expr: q.expr, LegendFormat: q.legend, Instant: instant, Range: !instant, Format: format})
	}
	return out
}

func defaults(unit string) *fieldConfig {
	return &fieldConfig{Defaults: fieldDefaults{Unit: unit, Color: &fieldColor{Mode: "palette-classic"}}, Overrides: []any{}}
}

var lastValue = map[string]any{"calcs": []string{"lastNotNull"}, "fields": "", "values": false}

// stat is a single number, the last value of its query; or one number per
// query, named by its legend.
func stat(title, description, unit string, queries ...query) *panel {
	fc := defaults(unit)
	fc.Defaults.NoValue = "0"
	fc.Defaults.Color = &fieldColor{Mode: "thresholds"}
	fc.Defaults.Thresholds = &thresholds{Mode: "absolute", Steps: []threshold{{Color: "blue"}}}
	return &panel{Type: "stat", Title: title, Description: description, Datasource: prometheusDS,
		GridPos: gridPos{H: 4, W: 4}, FieldConfig: fc, Targets: targets(true, "", queries),
		Options: map[string]any{"reduceOptions": lastValue, "colorMode": "value", "graphMode": "none",
			"justifyMode": "auto", "orientation": "auto", "textMode": "auto", "wideLayout": true,
			"showPercentChange": false, "percentChangeColorMode": "standard"}}
}

// alarm is a stat that turns red when its value is above zero.
func alarm(title, description string, q query) *panel {
	p := stat(title, description, "none", q)
	p.FieldConfig.Defaults.Thresholds.Steps = []threshold{{Color: "green"}, {Color: "red", Value: ptr(0.5)}}
	p.Options.(map[string]any)["colorMode"] = "background"
	return p
}

// timeseries draws its queries over the dashboard's time range.
func timeseries(title, description, unit string, queries ...query) *panel {
	return &panel{Type: "timeseries", Title: title, Description: description, Datasource: prometheusDS,
		GridPos: gridPos{H: 8, W: 12}, FieldConfig: defaults(unit), Targets: targets(false, "time_series", queries),
		Options: map[string]any{
			"legend":  map[string]any{"displayMode": "list", "placement": "bottom", "showLegend": true, "calcs": []string{}},
			"tooltip": map[string]any{"mode": "multi", "sort": "desc"},
		}}
}

// bars compares the current values of its queries' series.
func bars(title, description, unit string, queries ...query) *panel {
	return &panel{Type: "bargauge", Title: title, Description: description, Datasource: prometheusDS,
		GridPos: gridPos{H: 8, W: 12}, FieldConfig: defaults(unit), Targets: targets(true, "", queries),
		Options: map[string]any{"reduceOptions": map[string]any{"calcs": []string{"lastNotNull"}, "fields": "", "values": false},
			"displayMode": "basic", "orientation": "horizontal", "showUnfilled": true, "valueMode": "color",
			"namePlacement": "auto", "sizing": "auto", "minVizHeight": 16, "minVizWidth": 8, "maxVizHeight": 300,
			"legend": map[string]any{"displayMode": "list", "placement": "bottom", "showLegend": false, "calcs": []string{}}}}
}

// table lists the series of one instant query, one line each, with the
// given labels as columns in that order; a column "label=Header" is shown
// as Header. value names the Value column, or hides it when "".
func table(title, description, expr, value string, columns ...string) *panel {
	var include []string
	index, rename := map[string]int{}, map[string]string{}
	for i, c := range columns {
		label, header, renamed := strings.Cut(c, "=")
		include = append(include, label)
		index[label] = i
		if renamed {
			rename[label] = header
		}
	}
	if value != "" {
		include = append(include, "Value")
		index["Value"] = len(columns)
		rename["Value"] = value
	}
	return &panel{Type: "table", Title: title, Description: description, Datasource: prometheusDS,
		GridPos: gridPos{H: 9, W: 24}, FieldConfig: defaults(""), Targets: targets(true, "table", []query{{expr: expr}}),
		Options: map[string]any{"showHeader": true, "frameIndex": 0, "cellHeight": "sm"},
		Transformations: []transformation{
			{ID: "filterFieldsByName", Options: map[string]any{"include": map[string]any{"names": include}}},
			{ID: "organize", Options: map[string]any{"indexByName": index, "renameByName": rename, "excludeByName": map[string]bool{}}},
		}}
}

// withUnit sets the unit of a panel's values.
func withUnit(unit string, p *panel) *panel {
	p.FieldConfig.Defaults.Unit = unit
	return p
}

// sized sets a panel's width and height in grid units.
func sized(w, h int, p *panel) *panel {
	p.GridPos.W, p.GridPos.H = w, h
	return p
}

func ptr[T any](v T) *T { return &v }
