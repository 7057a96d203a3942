// Command metricsdoc writes the metric reference, docs/metrics.md, from
// the collectors' own descriptions. go generate ./collector runs it:
//
//	go run ../internal/cmd/metricsdoc -o ../docs/metrics.md
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/metricsdoc"
)

func main() {
	out := flag.String("o", "docs/metrics.md", "the file to write")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "metricsdoc:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	sections, err := metricsdoc.Sections()
	if err != nil {
		return err
	}
	var page bytes.Buffer
	if err := metricsdoc.Render(&page, sections); err != nil {
		return err
	}
	return os.WriteFile(path, page.Bytes(), 0o644)
}
