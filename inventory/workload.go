package inventory

import (
	"strings"
	"time"
)

// Workload is one object of a kind as the page, /inventory, drift and tag
// counts see it, whatever its kind. Fields a kind does not have are empty;
// its Kind says which it fills.
type Workload struct {
	Kind   string
	ID     string
	Name   string
	Region string // a datacenter (nyc1), or for apps a geography (nyc)
	// Geography is the region's geography (nyc for nyc1 and for nyc), so
	// that a datacenter's workloads and its geography's apps show together.
	Geography       string
	Status          string
	Size            string
	Version         string
	Engine          string
	Tags            []string  // sorted
	Created         time.Time // zero when unknown
	PublicAddresses []string
	// Attributes are the kind's own facts, by the keys its Kind lists.
	Attributes map[string]any
}

// Columns says which of the common workload fields a kind fills.
type Columns uint8

const (
	HasRegion Columns = 1 << iota
	HasStatus
	HasSize
	HasVersion
	HasEngine
	HasTags
)

// Geography is the geography of a region: its slug without the datacenter
// number (nyc1 and nyc3 are in nyc). A geography is its own geography.
func Geography(region string) string {
	return strings.TrimRight(region, "0123456789")
}

// RegionMatches tells whether a workload in region is selected by a filter
// naming want: the same region, its geography, or, for a workload placed by
// geography only (an app in nyc), a datacenter of that geography.
func RegionMatches(want, region string) bool {
	return region == want || Geography(region) == want || (region == Geography(region) && region == Geography(want))
}
