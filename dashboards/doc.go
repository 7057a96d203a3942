// Package dashboards holds the exporter's Grafana dashboards as JSON files,
// ready to import or to provision: each asks for a Prometheus data source
// and has account, region and tag filters where its metrics carry those
// labels.
//
// The JSON is generated from the panel tables in this package's Go files
// (one file per dashboard, laid out by build.go); change those and run
//
//	go generate ./dashboards
//
// then read the diff. A test fails when the committed JSON is not what the
// tables generate. The e2e module's tests decode every file strictly with
// Grafana's foundation SDK (e2e/dashboards_schema_test.go) and run every
// panel's query against a Prometheus that scrapes the exporter
// (e2e/dashboards_test.go).
//
// Nothing of the exporter's binary imports this package.
package dashboards

import "embed"

// Files are the dashboards, one JSON file each.
//
//go:embed *.json
var Files embed.FS
