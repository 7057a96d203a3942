package e2e

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/grafana/grafana-foundation-sdk/go/cog/plugins"
	sdk "github.com/grafana/grafana-foundation-sdk/go/dashboard"

	"github.com/digitalocean-exporter/digitalocean_exporter/dashboards"
)

func init() { plugins.RegisterDefaultPlugins() } // so panel options and Prometheus queries decode strictly too

// strictDecode decodes a dashboard as Grafana's schema says, refusing
// unknown fields, missing required ones and wrong types. __inputs and
// __requires are left out first: they are the import format's, read by
// Grafana's Import dialog, and the schema has no place for them. The SDK's
// strict decoder returns its error list as an error even when the list is
// empty (a nil slice in a non-nil interface), so an error whose message is
// empty means success.
func strictDecode(raw []byte) (*sdk.Dashboard, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	delete(fields, "__inputs")
	delete(fields, "__requires")
	raw, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	var d sdk.Dashboard
	if err := d.UnmarshalJSONStrict(raw); err != nil && err.Error() != "" {
		return nil, err
	}
	return &d, nil
}

// TestDashboardsDecodeStrictly decodes every dashboard of dashboards/ with
// Grafana's own schema (grafana-foundation-sdk), which the exporter's
// module does not depend on.
func TestDashboardsDecodeStrictly(t *testing.T) {
	t.Parallel()
	names, err := fs.Glob(dashboards.Files, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no dashboards: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			raw, err := fs.ReadFile(dashboards.Files, name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := strictDecode(raw)
			if err != nil {
				t.Fatalf("strict decoding:\n%v", err)
			}
			// As Grafana's Import dialog leaves it, the data source chosen.
			imported := strings.ReplaceAll(string(raw), "${DS_PROMETHEUS}", "P1809F7CD0C75ACF3")
			if _, err := strictDecode([]byte(imported)); err != nil {
				t.Errorf("imported: %v", err)
			}
			var loose struct{ Panels []json.RawMessage }
			json.Unmarshal(raw, &loose)
			if d.Title == nil || len(d.Panels) != len(loose.Panels) || len(d.Templating.List) < 2 {
				t.Errorf("decoded little: title %v, %d of %d panels, %d variables", d.Title, len(d.Panels), len(loose.Panels), len(d.Templating.List))
			}
		})
	}
}

// The empty-error quirk must not hide real errors: a wrong field still fails.
func TestStrictDecodeRefusesWhatGrafanaWouldNot(t *testing.T) {
	t.Parallel()
	raw, err := fs.ReadFile(dashboards.Files, "droplets.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, broken := range map[string]string{
		"unknown field":      strings.Replace(string(raw), `"refresh": "1m"`, `"refresh": "1m", "refreshh": "1m"`, 1),
		"wrong type":         strings.Replace(string(raw), `"schemaVersion": 39`, `"schemaVersion": "39"`, 1),
		"bad panel options":  strings.Replace(string(raw), `"colorMode": "value"`, `"colourMode": "value"`, 1),
		"bad query field":    strings.Replace(string(raw), `"editorMode": "code"`, `"editorMode": "code", "exprr": ""`, 1),
		"missing query expr": regexp.MustCompile(`"expr": "(?:[^"\\]|\\.)*",`).ReplaceAllString(string(raw), ""),
	} {
		if broken == string(raw) {
			t.Fatalf("%s: the replacement changed nothing", name)
		}
		if _, err := strictDecode([]byte(broken)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}
