package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/digitalocean-exporter/digitalocean_exporter/dashboards"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/markdown"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// examples are the YAML blocks of docs/ whose first line is "# name".
func examples(t *testing.T, name string) map[string]string {
	t.Helper()
	pages, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]string{} // page: its block
	for _, page := range pages {
		for _, b := range markdown.CodeBlocks([]byte(readDoc(t, page))) {
			if first, rest, _ := strings.Cut(b.Text, "\n"); b.Info == "yaml" && first == "# "+name {
				found[page] += rest
			}
		}
	}
	if len(found) == 0 {
		t.Fatalf("no page of docs/ has a yaml block that starts with # %s", name)
	}
	return found
}

// TestPrometheusExampleLoads runs promtool check config on every
// prometheus.yml of docs/, with a copy of dashboards/alerts.yml beside it
// where it loads the rules, as the examples say.
func TestPrometheusExampleLoads(t *testing.T) {
	promtool := testtool.Find(t, "promtool", "prometheus")
	rules, err := os.ReadFile(filepath.Join("dashboards", "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	withRules := 0
	for page, config := range examples(t, "prometheus.yml") {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(config, "digitalocean-alerts.yml") {
			withRules++
			if err := os.WriteFile(filepath.Join(dir, "digitalocean-alerts.yml"), rules, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		cmd := exec.CommandContext(ctx, promtool, "check", "config", "prometheus.yml")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("%s: promtool check config: %v\n%s", page, err, out)
		}
	}
	if withRules == 0 {
		t.Error("no prometheus.yml of docs/ loads the alert rules")
	}
}

// grafanaDatasources is what Grafana's provisioning reads of a data
// source file (provisioning/datasources/*.yml).
type grafanaDatasources struct {
	APIVersion  int `yaml:"apiVersion"`
	Datasources []struct {
		Name            string            `yaml:"name"`
		Type            string            `yaml:"type"`
		UID             string            `yaml:"uid"`
		Access          string            `yaml:"access"`
		URL             string            `yaml:"url"`
		OrgID           int               `yaml:"orgId"`
		IsDefault       bool              `yaml:"isDefault"`
		Editable        bool              `yaml:"editable"`
		BasicAuth       bool              `yaml:"basicAuth"`
		BasicAuthUser   string            `yaml:"basicAuthUser"`
		JSONData        map[string]any    `yaml:"jsonData"`
		SecureJSONData  map[string]string `yaml:"secureJsonData"`
		Version         int               `yaml:"version"`
		WithCredentials bool              `yaml:"withCredentials"`
	} `yaml:"datasources"`
}

// grafanaDashboardProviders is what it reads of a dashboard provider file
// (provisioning/dashboards/*.yml).
type grafanaDashboardProviders struct {
	APIVersion int `yaml:"apiVersion"`
	Providers  []struct {
		Name                  string `yaml:"name"`
		OrgID                 int    `yaml:"orgId"`
		Folder                string `yaml:"folder"`
		FolderUID             string `yaml:"folderUid"`
		Type                  string `yaml:"type"`
		DisableDeletion       bool   `yaml:"disableDeletion"`
		UpdateIntervalSeconds int    `yaml:"updateIntervalSeconds"`
		AllowUIUpdates        bool   `yaml:"allowUiUpdates"`
		Options               struct {
			Path                      string `yaml:"path"`
			FoldersFromFilesStructure bool   `yaml:"foldersFromFilesStructure"`
		} `yaml:"options"`
	} `yaml:"providers"`
}

func decodeStrictly(t *testing.T, page, text string, v any) {
	t.Helper()
	dec := yaml.NewDecoder(strings.NewReader(text))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", page, err)
	}
}

// TestGrafanaProvisioningDecodes decodes the Grafana provisioning examples
// of docs/ strictly: a field Grafana does not read is an error. The data
// source must be of the type the dashboards' $datasource variable offers,
// and the provider must read files from a folder.
func TestGrafanaProvisioningDecodes(t *testing.T) {
	for page, text := range examples(t, "provisioning/datasources/digitalocean.yml") {
		var file grafanaDatasources
		decodeStrictly(t, page, text, &file)
		if file.APIVersion != 1 || len(file.Datasources) != 1 {
			t.Fatalf("%s: apiVersion %d with %d data sources, want 1 and 1", page, file.APIVersion, len(file.Datasources))
		}
		ds := file.Datasources[0]
		if want := dashboardDatasourceType(t); ds.Type != want || ds.URL == "" || ds.Access != "proxy" {
			t.Errorf("%s: data source of type %q at %q (%s), want type %s, a URL, access proxy", page, ds.Type, ds.URL, ds.Access, want)
		}
	}
	for page, text := range examples(t, "provisioning/dashboards/digitalocean.yml") {
		var file grafanaDashboardProviders
		decodeStrictly(t, page, text, &file)
		if file.APIVersion != 1 || len(file.Providers) != 1 {
			t.Fatalf("%s: apiVersion %d with %d providers, want 1 and 1", page, file.APIVersion, len(file.Providers))
		}
		if p := file.Providers[0]; p.Type != "file" || !filepath.IsAbs(p.Options.Path) {
			t.Errorf("%s: provider of type %q reading %q, want type file and an absolute path", page, p.Type, p.Options.Path)
		}
	}
}

// dashboardDatasourceType is the data source type every dashboard's
// $datasource variable offers.
func dashboardDatasourceType(t *testing.T) string {
	names, err := fs.Glob(dashboards.Files, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no dashboards (%v)", err)
	}
	types := map[string]bool{}
	for _, name := range names {
		raw, err := dashboards.Files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Templating struct {
				List []struct {
					Name  string `json:"name"`
					Query any    `json:"query"`
				} `json:"list"`
			} `json:"templating"`
		}
		if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&d); err != nil {
			t.Fatal(err)
		}
		for _, v := range d.Templating.List {
			if q, ok := v.Query.(string); ok && v.Name == "datasource" {
				types[q] = true
			}
		}
	}
	if len(types) != 1 {
		t.Fatalf("the dashboards' $datasource variables offer %v, want one type", types)
	}
	for typ := range types {
		return typ
	}
	return ""
}
