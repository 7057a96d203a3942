package dashboards

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDashboardsDeclareWhatTheImportDialogNeeds: one input, a Prometheus
// data source; and as requirements Grafana, the Prometheus data source and
// exactly the panel types the dashboard uses.
func TestDashboardsDeclareWhatTheImportDialogNeeds(t *testing.T) {
	eachFile(t, func(t *testing.T, _ string, raw []byte) {
		var d dashboard
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		want := []input{{Name: "DS_PROMETHEUS", Type: "datasource", PluginID: "prometheus", PluginName: "Prometheus"}}
		if len(d.Inputs) != 1 || d.Inputs[0].Label == "" {
			t.Fatalf("__inputs %+v, want one labelled %+v", d.Inputs, want[0])
		}
		if got := d.Inputs[0]; got.Name != want[0].Name || got.Type != want[0].Type || got.PluginID != want[0].PluginID {
			t.Errorf("__inputs %+v, want %+v", d.Inputs, want)
		}
		used := map[string]bool{}
		for _, p := range d.Panels {
			if p.Type != "row" {
				used[p.Type] = true
			}
		}
		required := map[string]bool{}
		for _, r := range d.Requires {
			if r.Name == "" || required[r.Type+"/"+r.ID] {
				t.Errorf("requirement %+v: no name, or listed twice", r)
			}
			required[r.Type+"/"+r.ID] = true
		}
		wantRequired := map[string]bool{"grafana/grafana": true, "datasource/prometheus": true}
		for panelType := range used {
			wantRequired["panel/"+panelType] = true
		}
		if !maps.Equal(required, wantRequired) {
			t.Errorf("__requires %v, want %v", slices.Sorted(maps.Keys(required)), slices.Sorted(maps.Keys(wantRequired)))
		}
	})
}

var reference = regexp.MustCompile(`\$\{([A-Za-z0-9_]+)(?::[a-z]+)?\}|\$([A-Za-z_][A-Za-z0-9_]*)`)

// TestDashboardsWorkImportedAndProvisioned: provisioned, the JSON is read as
// written, so every ${...} must name a variable of the dashboard or one of
// Grafana's, but for the import placeholder in the $datasource variable's
// current value, which Grafana replaces with a data source it has.
// Imported, the dialog replaces the placeholder everywhere: the variable
// then starts at the data source chosen, and the result still decodes.
func TestDashboardsWorkImportedAndProvisioned(t *testing.T) {
	eachFile(t, func(t *testing.T, _ string, raw []byte) {
		var d dashboard
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		defined := map[string]bool{}
		for _, v := range d.Templating.List {
			defined[v.Name] = true
		}
		var withoutVariables dashboard
		json.Unmarshal(raw, &withoutVariables)
		withoutVariables.Templating.List = nil
		text, _ := json.Marshal(withoutVariables)
		for _, m := range reference.FindAllStringSubmatch(string(text), -1) {
			name := m[1] + m[2]
			if !defined[name] && !strings.HasPrefix(name, "__") {
				t.Errorf("%s refers to $%s, which is not a variable: provisioned, it stays as written", m[0], name)
			}
		}
		ds := d.Templating.List[0]
		if ds.Type != "datasource" || ds.Name != "datasource" || ds.Current == nil || ds.Current.Value != "${DS_PROMETHEUS}" {
			t.Fatalf("first variable %+v, want $datasource whose current value is ${DS_PROMETHEUS}", ds)
		}
		if n := strings.Count(string(raw), "${DS_PROMETHEUS}"); n != 2 {
			t.Errorf("${DS_PROMETHEUS} appears %d times, want 2 (the variable's current text and value)", n)
		}

		imported := strings.ReplaceAll(string(raw), "${DS_PROMETHEUS}", "P1809F7CD0C75ACF3")
		var after dashboard
		if err := json.Unmarshal([]byte(imported), &after); err != nil {
			t.Fatal(err)
		}
		if v := after.Templating.List[0].Current.Value; v != "P1809F7CD0C75ACF3" {
			t.Errorf("imported, $datasource starts at %v, want the data source chosen", v)
		}
	})
}
