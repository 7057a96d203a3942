package collector

// The metric reference is written from the Descs of this package:
//
//go:generate go run ../internal/cmd/metricsdoc -o ../docs/metrics.md
