package inventory

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// DropletMetrics reads the agent's metrics of the active Droplets (those
// with any of MonitoringOptions.DropletTags, when set): one request per
// metric of each group in MonitoringOptions.DropletMetrics.
var DropletMetrics = newMonitored(monitorSpec[Droplet, DropletUsage]{
	Name: KindDropletMetrics, Label: "Droplet metrics", Scope: "monitoring:read",
	Parent: Droplets, Path: "droplet", IDParam: "host_id",
	ID: func(d *Droplet) string { return strconv.Itoa(d.ID) },
	Select: func(d *Droplet, o MonitoringOptions) (selected, reports bool) {
		return d.Status == "active" && (len(o.DropletTags) == 0 || slices.ContainsFunc(d.Tags, func(tag string) bool {
			return slices.Contains(o.DropletTags, tag)
		})), d.MonitoringAgent
	},
	Requests: dropletRequests,
	Read:     readDroplet,
})

// DropletUsage is what a Droplet's agent reported.
type DropletUsage struct {
	// CPUSeconds is the CPU time spent in each mode (idle, user, ...) since
	// the Droplet booted, as the agent counts it; nil when CPU is not read.
	CPUSeconds map[string]float64
	// CPUBusy is the share of CPU time not idle over the window since the
	// previous reading; its Max is that of the busiest step between two samples.
	CPUBusy Window
	// Memory, in bytes; MemoryUsed is 1 - available/total.
	MemoryTotal, MemoryAvailable, MemoryFree, MemoryCached, MemoryUsed Window
	Filesystems                                                        []FilesystemUsage
	Load1, Load5, Load15                                               Window
	Network                                                            []NetworkUsage

	cpuAt time.Time // of CPUSeconds
}

// FilesystemUsage is one mounted filesystem: sizes in bytes; Used is 1 - free/size.
type FilesystemUsage struct {
	Device, Mountpoint string
	Size, Free, Used   Window
}

// NetworkUsage is the traffic of one interface (public, private) in one
// direction (inbound, outbound), in bytes per second.
type NetworkUsage struct {
	Interface, Direction string
	BytesPerSecond       Window
}

// dropletGroup is a group of Droplet metrics, switched on and off together:
// its requests, and what it reads into the usage from their answers.
type dropletGroup struct {
	name     string
	requests []metricRequest
	read     func(u *DropletUsage, prev DropletUsage, answers [][]series)
}

var dropletGroups = []dropletGroup{
	{"cpu", named("cpu"), readCPU},
	{"memory", named("memory_total", "memory_available", "memory_free", "memory_cached"), readMemory},
	{"filesystem", named("filesystem_size", "filesystem_free"), readFilesystems},
	{"load", named("load_1", "load_5", "load_15"), readLoad},
	{"bandwidth", bandwidthRequests(), readNetwork},
}

// DefaultDropletMetrics are the groups read unless told otherwise:
// bandwidth costs four requests a Droplet, as much as the memory.
var DefaultDropletMetrics = []string{"cpu", "memory", "filesystem", "load"}

// DropletMetricGroups names every group of Droplet metrics, in order.
func DropletMetricGroups() []string {
	names := make([]string, len(dropletGroups))
	for i, g := range dropletGroups {
		names[i] = g.name
	}
	return names
}

// DropletMetricRequests is how many requests a reading of one Droplet
// sends for the named groups.
func DropletMetricRequests(groups []string) int {
	return len(dropletRequests(MonitoringOptions{DropletMetrics: groups}))
}

// named are the requests of metrics that need no query of their own.
func named(names ...string) []metricRequest {
	requests := make([]metricRequest, len(names))
	for i, n := range names {
		requests[i] = metricRequest{metric: n}
	}
	return requests
}

var (
	interfaces = []string{"public", "private"}
	directions = []string{"inbound", "outbound"}
)

func bandwidthRequests() []metricRequest {
	var requests []metricRequest
	for _, i := range interfaces {
		for _, d := range directions {
			requests = append(requests, metricRequest{metric: "bandwidth", query: url.Values{"interface": {i}, "direction": {d}}})
		}
	}
	return requests
}

// enabledGroups are the groups o reads, in the order of dropletGroups.
func enabledGroups(o MonitoringOptions) []dropletGroup {
	var groups []dropletGroup
	for _, g := range dropletGroups {
		if slices.Contains(o.DropletMetrics, g.name) {
			groups = append(groups, g)
		}
	}
	return groups
}

func dropletRequests(o MonitoringOptions) []metricRequest {
	var requests []metricRequest
	for _, g := range enabledGroups(o) {
		requests = append(requests, g.requests...)
	}
	return requests
}

// readDroplet hands each group its answers.
func readDroplet(prev DropletUsage, answers [][]series, o MonitoringOptions) DropletUsage {
	var u DropletUsage
	for _, g := range enabledGroups(o) {
		g.read(&u, prev, answers[:len(g.requests)])
		answers = answers[len(g.requests):]
	}
	return u
}

// cpuPoint is the CPU time of all modes, and of idle, at one sample.
type cpuPoint struct {
	at          time.Time
	total, idle float64
}

func readCPU(u *DropletUsage, prev DropletUsage, answers [][]series) {
	byTime := map[time.Time]*cpuPoint{}
	u.CPUSeconds = map[string]float64{}
	for _, s := range answers[0] {
		mode := s.labels["mode"]
		for _, x := range s.samples {
			p := byTime[x.at]
			if p == nil {
				p = &cpuPoint{at: x.at}
				byTime[x.at] = p
			}
			p.total += x.value
			if mode == "idle" {
				p.idle += x.value
			}
		}
		last := s.samples[len(s.samples)-1]
		u.CPUSeconds[mode] = last.value
		if last.at.After(u.cpuAt) {
			u.cpuAt = last.at
		}
	}
	if len(u.CPUSeconds) == 0 {
		u.CPUSeconds = nil
		return
	}
	var points []cpuPoint
	if prev.CPUSeconds != nil {
		points = append(points, cpuPoint{at: prev.cpuAt, total: sum(prev.CPUSeconds), idle: prev.CPUSeconds["idle"]})
	}
	for _, p := range byTime {
		if p.at.After(prev.cpuAt) {
			points = append(points, *p)
		}
	}
	slices.SortFunc(points, func(a, b cpuPoint) int { return a.at.Compare(b.at) })
	u.CPUBusy = busy(points)
}

// busy is the share of CPU time not idle from the first point to the
// last, and the largest between two neighbours. A counter that went back
// (a reboot) gives no share for that step.
func busy(points []cpuPoint) Window {
	var w Window
	share := func(a, b cpuPoint) (float64, bool) {
		total, idle := b.total-a.total, b.idle-a.idle
		if total <= 0 || idle < 0 || idle > total {
			return 0, false
		}
		return 1 - idle/total, true
	}
	for i := 1; i < len(points); i++ {
		if s, ok := share(points[i-1], points[i]); ok {
			w.Max, w.OK = max(w.Max, s), true
		}
	}
	if !w.OK {
		return Window{}
	}
	if s, ok := share(points[0], points[len(points)-1]); ok {
		w.Value = s
	} else {
		w.Value = w.Max
	}
	return w
}

func sum(m map[string]float64) float64 {
	var total float64
	for _, v := range m {
		total += v
	}
	return total
}

func readMemory(u *DropletUsage, _ DropletUsage, answers [][]series) {
	total, available := firstSeries(answers[0]), firstSeries(answers[1])
	u.MemoryTotal, u.MemoryAvailable = windowOf(total), windowOf(available)
	u.MemoryFree, u.MemoryCached = windowOf(firstSeries(answers[2])), windowOf(firstSeries(answers[3]))
	u.MemoryUsed = windowOf(joined(total, available, usedRatio))
}

func readFilesystems(u *DropletUsage, _ DropletUsage, answers [][]series) {
	type key struct{ device, mountpoint string }
	free := map[key][]sample{}
	for _, s := range answers[1] {
		free[key{s.labels["device"], s.labels["mountpoint"]}] = s.samples
	}
	for _, s := range answers[0] {
		k := key{s.labels["device"], s.labels["mountpoint"]}
		u.Filesystems = append(u.Filesystems, FilesystemUsage{Device: k.device, Mountpoint: k.mountpoint,
			Size: windowOf(s.samples), Free: windowOf(free[k]), Used: windowOf(joined(s.samples, free[k], usedRatio))})
	}
	slices.SortFunc(u.Filesystems, func(a, b FilesystemUsage) int {
		return cmp.Or(cmp.Compare(a.Mountpoint, b.Mountpoint), cmp.Compare(a.Device, b.Device))
	})
}

func readLoad(u *DropletUsage, _ DropletUsage, answers [][]series) {
	u.Load1, u.Load5, u.Load15 = windowOf(firstSeries(answers[0])), windowOf(firstSeries(answers[1])), windowOf(firstSeries(answers[2]))
}

// readNetwork reads the bandwidth answers, in the order of
// bandwidthRequests; the API gives megabits per second, 125,000 bytes each.
func readNetwork(u *DropletUsage, _ DropletUsage, answers [][]series) {
	for i, r := range bandwidthRequests() {
		if w := windowOf(firstSeries(answers[i])); w.OK {
			u.Network = append(u.Network, NetworkUsage{Interface: r.query.Get("interface"), Direction: r.query.Get("direction"),
				BytesPerSecond: w.scaled(1e6 / 8)})
		}
	}
}
