package collector

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// The Droplet metrics of the Monitoring API, as its agent last reported
// them. A ratio's _max is the largest it reached in the window read, which
// runs from the reading before: a spike between two readings shows there.
var (
	dropletCPUSeconds = newDesc("droplet", "cpu_seconds_total",
		"CPU time the Droplet spent in each mode (idle, user, system, iowait, irq, softirq, nice, steal) since it booted, "+
			"in seconds, as its monitoring agent last reported.",
		"id", "mode")
	dropletCPUBusy = newDesc("droplet", "cpu_busy_ratio",
		"Share of the Droplet's CPU time not idle (0-1) over the window last read, from the reading before to the newest sample.", "id")
	dropletCPUBusyMax = newDesc("droplet", "cpu_busy_ratio_max",
		"Share of the Droplet's CPU time not idle (0-1) in the busiest step between two samples of the window last read.", "id")
	dropletMemoryTotal = newDesc("droplet", "memory_total_bytes",
		"Memory of the Droplet in bytes, as its monitoring agent last reported.", "id")
	dropletMemoryAvailable = newDesc("droplet", "memory_available_bytes",
		"Memory available to programs on the Droplet in bytes, free and reclaimable, as its monitoring agent last reported.", "id")
	dropletMemoryFree = newDesc("droplet", "memory_free_bytes",
		"Memory of the Droplet that holds nothing, in bytes, as its monitoring agent last reported.", "id")
	dropletMemoryCached = newDesc("droplet", "memory_cached_bytes",
		"Memory of the Droplet that holds the page cache, in bytes, as its monitoring agent last reported.", "id")
	dropletMemoryUsed = newDesc("droplet", "memory_used_ratio",
		"Share of the Droplet's memory not available (0-1), 1 - available/total, at the newest sample.", "id")
	dropletMemoryUsedMax = newDesc("droplet", "memory_used_ratio_max",
		"The largest share of the Droplet's memory not available (0-1) in the window last read.", "id")
	dropletFilesystemSize = newDesc("droplet", "filesystem_size_bytes",
		"Size of each filesystem the Droplet mounts, in bytes, as its monitoring agent last reported.", "id", "device", "mountpoint")
	dropletFilesystemFree = newDesc("droplet", "filesystem_free_bytes",
		"Free space of each filesystem the Droplet mounts, in bytes, as its monitoring agent last reported.", "id", "device", "mountpoint")
	dropletFilesystemUsed = newDesc("droplet", "filesystem_used_ratio",
		"Share of each filesystem of the Droplet in use (0-1), 1 - free/size, at the newest sample.", "id", "mountpoint")
	dropletFilesystemUsedMax = newDesc("droplet", "filesystem_used_ratio_max",
		"The largest share of each filesystem of the Droplet in use (0-1) in the window last read.", "id", "mountpoint")
	dropletLoad1 = newDesc("droplet", "load1",
		"Load average of the Droplet over 1 minute, as its monitoring agent last reported.", "id")
	dropletLoad5 = newDesc("droplet", "load5",
		"Load average of the Droplet over 5 minutes, as its monitoring agent last reported.", "id")
	dropletLoad15 = newDesc("droplet", "load15",
		"Load average of the Droplet over 15 minutes, as its monitoring agent last reported.", "id")
	dropletNetwork = newDesc("droplet", "network_bytes_per_second",
		"Traffic of the Droplet on its public or private interface, inbound or outbound, in bytes per second, at the newest sample.",
		"id", "interface", "direction")
)

func newDropletMetricsCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector(inventory.KindDropletMetrics, src, collectDropletMetrics,
		dropletCPUSeconds, dropletCPUBusy, dropletCPUBusyMax, dropletMemoryTotal, dropletMemoryAvailable, dropletMemoryFree,
		dropletMemoryCached, dropletMemoryUsed, dropletMemoryUsedMax, dropletFilesystemSize, dropletFilesystemFree,
		dropletFilesystemUsed, dropletFilesystemUsedMax, dropletLoad1, dropletLoad5, dropletLoad15, dropletNetwork)
}

func collectDropletMetrics(out emit, s *inventory.Snapshot) {
	for id, reading := range inventory.DropletMetrics.Of(s).ByID {
		u := &reading.Values
		for mode, seconds := range u.CPUSeconds {
			counter(out, dropletCPUSeconds, seconds, s.Account, id, mode)
		}
		windowed(out, dropletCPUBusy, dropletCPUBusyMax, u.CPUBusy, s.Account, id)
		windowed(out, dropletMemoryUsed, dropletMemoryUsedMax, u.MemoryUsed, s.Account, id)
		for _, g := range []struct {
			desc *prometheus.Desc
			w    inventory.Window
		}{{dropletMemoryTotal, u.MemoryTotal}, {dropletMemoryAvailable, u.MemoryAvailable}, {dropletMemoryFree, u.MemoryFree},
			{dropletMemoryCached, u.MemoryCached}, {dropletLoad1, u.Load1}, {dropletLoad5, u.Load5}, {dropletLoad15, u.Load15}} {
			windowed(out, g.desc, nil, g.w, s.Account, id)
		}
		for _, fs := range u.Filesystems {
			windowed(out, dropletFilesystemSize, nil, fs.Size, s.Account, id, fs.Device, fs.Mountpoint)
			windowed(out, dropletFilesystemFree, nil, fs.Free, s.Account, id, fs.Device, fs.Mountpoint)
			windowed(out, dropletFilesystemUsed, dropletFilesystemUsedMax, fs.Used, s.Account, id, fs.Mountpoint)
		}
		for _, n := range u.Network {
			windowed(out, dropletNetwork, nil, n.BytesPerSecond, s.Account, id, n.Interface, n.Direction)
		}
	}
}

// windowed sends a window's value, and its maximum when maxDesc is set;
// nothing when the reading had no samples of it.
func windowed(out emit, desc, maxDesc *prometheus.Desc, w inventory.Window, labels ...string) {
	if !w.OK {
		return
	}
	gauge(out, desc, w.Value, labels...)
	if maxDesc != nil {
		gauge(out, maxDesc, w.Max, labels...)
	}
}
