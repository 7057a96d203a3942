package testtool

import (
	"regexp"

	"github.com/prometheus/client_golang/prometheus"
)

// descPattern reads a Desc's name and variable labels from its String:
// client_golang has no getter for either.
var descPattern = regexp.MustCompile(`fqName: "([^"]+)".*variableLabels: \{([^}]*)\}`)

// DescName is the metric name a Desc describes.
func DescName(d *prometheus.Desc) string {
	if m := descPattern.FindStringSubmatch(d.String()); m != nil {
		return m[1]
	}
	panic("cannot read " + d.String())
}
