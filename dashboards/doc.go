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
// tables generate. The tests decode every file strictly with Grafana's
// foundation SDK, and the end-to-end test at the top of the module runs
// every panel's query against a Prometheus that scrapes the exporter.
//
// Nothing of the exporter's binary imports this package.
package dashboards

import "embed"

// Files are the dashboards, one JSON file each.
//
//go:embed *.json
var Files embed.FS
