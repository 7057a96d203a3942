package dashboards

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

//go:generate go run ./internal/generate

// specs are the dashboards, one JSON file each.
func specs() []spec {
	return []spec{
		fleetOverview(), dropletsDashboard(), kubernetesDashboard(), databasesDashboard(), appsDashboard(),
		securityPostureDashboard(), exporterHealthDashboard(), storageDashboard(), costDashboard(),
		operationsDashboard(),
	}
}

// generated is one dashboard as go generate writes it.
type generated struct {
	File string // its file name in this folder
	JSON []byte
}

// generate lays out every dashboard and renders its JSON.
func generate() ([]generated, error) {
	var out []generated
	for _, s := range specs() {
		raw, err := render(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
		out = append(out, generated{File: s.file, JSON: raw})
	}
	return out, nil
}

// WriteFiles writes every dashboard's JSON file into dir.
func WriteFiles(dir string) error {
	dashboards, err := generate()
	if err != nil {
		return err
	}
	for _, g := range dashboards {
		if err := os.WriteFile(filepath.Join(dir, g.File), g.JSON, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func render(s spec) ([]byte, error) {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // PromQL's < and > stay readable
	enc.SetIndent("", "  ")
	d, err := build(s)
	if err != nil {
		return nil, err
	}
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
