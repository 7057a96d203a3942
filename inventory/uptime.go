package inventory

import (
	"cmp"
	"context"
	"slices"

	"github.com/digitalocean/godo"
)

// Uptime kinds: the uptime checks, and the state of each in each of its
// regions, one request per check.
const (
	KindUptime            = "uptime"
	KindUptimeCheckStates = "uptime_check_states"
)

// UptimeCheck is one uptime check: a URL or host DigitalOcean probes from
// several regions.
type UptimeCheck struct {
	ID      string
	Name    string
	Type    string // ping, http or https
	Target  string
	Regions []string
	Enabled bool
}

// UptimeRegion is how one region sees a check.
type UptimeRegion struct {
	Region string
	Status string  // UP or DOWN
	Ratio  float64 // of the last 30 days the target was up, from this region, 0-1
}

// Up tells whether the region sees the target up, and whether it says at all.
func (r UptimeRegion) Up() (up, known bool) {
	switch r.Status {
	case "UP":
		return true, true
	case "DOWN":
		return false, true
	}
	return false, false
}

// UptimeChecks lists the account's uptime checks.
var UptimeChecks = newList(listSpec[[]godo.UptimeCheck, UptimeCheck]{
	Name: KindUptime, Label: "Uptime checks", Scope: "uptime:read",
	Fetch: paged("uptime checks", func(c *godo.Client) listFunc[godo.UptimeCheck] { return c.UptimeChecks.List }),
	Map:   eachValue(mapUptimeCheck),
})

// UptimeCheckStates reads each check's state in each of its regions, by
// the check's ID, sorted by region.
var UptimeCheckStates = newDetail(detailSpec[UptimeCheck, *uptimeStateWire, []UptimeRegion]{
	Name: KindUptimeCheckStates, Scope: "uptime:read", Parent: UptimeChecks,
	ID: func(c *UptimeCheck) string { return c.ID },
	Get: func(ctx context.Context, c *godo.Client, id string) (*uptimeStateWire, error) {
		return getObject[uptimeStateWire](ctx, c, "v2/uptime/checks/"+id+"/state", "state")
	},
	Map: mapUptimeState,
})

// uptimeStateWire is a check's state; godo reads the uptime percentage as
// a float32, which turns 97.99 into 97.98999786.
type uptimeStateWire struct {
	Regions map[string]struct {
		Status  string  `json:"status"`
		Percent float64 `json:"thirty_day_uptime_percentage"`
	} `json:"regions"`
}

func mapUptimeCheck(c *godo.UptimeCheck) UptimeCheck {
	return UptimeCheck{ID: c.ID, Name: c.Name, Type: c.Type, Target: c.Target, Regions: sortedTags(c.Regions), Enabled: c.Enabled}
}

func mapUptimeState(s *uptimeStateWire) []UptimeRegion {
	regions := make([]UptimeRegion, 0, len(s.Regions))
	for name, r := range s.Regions {
		regions = append(regions, UptimeRegion{Region: name, Status: r.Status, Ratio: r.Percent / 100})
	}
	slices.SortFunc(regions, func(a, b UptimeRegion) int { return cmp.Compare(a.Region, b.Region) })
	return regions
}

// WorstRatio is the lowest 30-day uptime of the regions, and false when
// there are none.
func WorstRatio(regions []UptimeRegion) (float64, bool) {
	if len(regions) == 0 {
		return 0, false
	}
	return slices.MinFunc(regions, func(a, b UptimeRegion) int { return cmp.Compare(a.Ratio, b.Ratio) }).Ratio, true
}
