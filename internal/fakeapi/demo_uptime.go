package fakeapi

// uptimePlan is an uptime check of the demo and how each of its regions
// sees its target.
type uptimePlan struct {
	name, checkType, target string
	enabled                 bool
	regions                 []uptimeRegion
}

type uptimeRegion struct {
	region  string
	up      bool
	percent float64 // of the last 30 days up
}

// uptimePlans: the shop is up everywhere, the staging site is down from
// Europe, and the bastion's check is paused, so no region reports it.
var uptimePlans = []uptimePlan{
	{"storefront homepage", "https", "https://shop.example.com", true,
		[]uptimeRegion{{"us_east", true, 99.98}, {"eu_west", true, 99.95}}},
	{"api health", "https", "https://api.example.com/healthz", true,
		[]uptimeRegion{{"us_east", true, 99.9}, {"us_west", true, 99.91}, {"eu_west", true, 99.87}}},
	{"staging site", "http", "http://staging.example.net", true,
		[]uptimeRegion{{"us_east", true, 97.2}, {"eu_west", false, 93.5}}},
	{"bastion ping", "ping", "198.18.0.15", false, nil},
}

func (b builder) uptimeCheck(i int) map[string]any {
	p := uptimePlans[i%len(uptimePlans)]
	c := cloneObject(b.template(UptimeChecks, 0))
	c["id"], c["name"] = fakeUUID("uptime check", i), numbered(p.name, i/len(uptimePlans))
	c["type"], c["target"], c["enabled"] = p.checkType, p.target, p.enabled
	regions := make([]string, len(p.regions))
	for j, r := range p.regions {
		regions[j] = r.region
	}
	if len(regions) == 0 {
		regions = []string{"us_east"}
	}
	c["regions"] = regions
	return c
}

// uptimeState of check i: how each of its regions sees it; a paused
// check's state has no regions.
func (b builder) uptimeState(i int) []map[string]any {
	p := uptimePlans[i%len(uptimePlans)]
	state := cloneObject(b.exampleOf(UptimeCheckStates))
	regions := map[string]any{}
	for _, r := range p.regions {
		status := map[bool]string{true: "UP", false: "DOWN"}[r.up]
		regions[r.region] = map[string]any{"status": status, "status_changed_at": stamp(epoch.Add(history / 3)),
			"thirty_day_uptime_percentage": r.percent}
	}
	state["regions"] = regions
	return []map[string]any{state}
}
