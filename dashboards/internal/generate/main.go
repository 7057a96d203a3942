// Command generate writes the dashboards' JSON files from their specs in
// package dashboards. It is run by go generate in that folder:
//
//	go generate ./dashboards
package main

import (
	"fmt"
	"os"

	"github.com/digitalocean-exporter/digitalocean_exporter/dashboards"
)

func main() {
	if err := dashboards.WriteFiles("."); err != nil {
		fmt.Fprintln(os.Stderr, "generate dashboards:", err)
		os.Exit(1)
	}
}
