// Package dashboards holds the exporter's Grafana dashboards as JSON files,
// ready to import: each asks for a Prometheus data source and has account,
// region and tag filters where its metrics carry those labels.
//
// The JSON is written by the generator in this package's tests, from the
// panel tables in *_test.go; change those and run
//
//	go test ./dashboards -update
//
// then read the diff. The tests decode every file strictly with Grafana's
// foundation SDK, and the end-to-end test at the top of the module runs
// every panel's query against a Prometheus that scrapes the exporter.
package dashboards

import "embed"

// Files are the dashboards, one JSON file each.
//
//go:embed *.json
var Files embed.FS
