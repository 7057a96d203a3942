package fakeapi

import (
	"crypto/sha1"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"time"
)

// The samples the fake makes up for a resource that Account.Metrics says
// nothing of: what a Droplet's monitoring agent, an app's components or a
// load balancer would report. They are the same for the same resource at
// the same time, whatever the window: a gauge keeps one value, and a CPU
// counter grows by the same whole number of seconds at every step, so that
// ratios computed from them do not depend on when they are read.

// sampleStep is how often the agent samples, as in the API's examples.
const sampleStep = 2 * time.Minute

// monitoredObject is what the made-up samples of one resource depend on,
// copied from its object when the account is set.
type monitoredObject struct {
	kind       string // a monitoredKind's name
	id         string
	seed       uint32
	agent      bool    // a Droplet whose features name the monitoring agent
	vcpus      int     // a Droplet's
	memory     float64 // bytes
	disk       float64 // bytes
	components []string
	instances  []int // of each component
	backends   []string
}

// monitoredObjects indexes the resources of acct whose metrics the fake can
// make up, by kind and id ("droplet/410000001").
func monitoredObjects(a Account) map[string]*monitoredObject {
	out := map[string]*monitoredObject{}
	add := func(kind string, object map[string]any, fill func(*monitoredObject, map[string]any)) {
		id := idOf(object)
		h := fnv.New32a()
		h.Write([]byte(id))
		o := &monitoredObject{kind: kind, id: id, seed: h.Sum32()}
		fill(o, object)
		out[kind+"/"+id] = o
	}
	for _, list := range []string{Droplets, GPUDroplets} {
		for _, d := range a.Lists[list] {
			add("droplet", d, fillDroplet)
		}
	}
	for _, app := range a.Lists[Apps] {
		add("apps", app, fillApp)
	}
	for _, lb := range a.Lists[LoadBalancers] {
		add("load_balancer", lb, fillLoadBalancer)
	}
	return out
}

func fillDroplet(o *monitoredObject, d map[string]any) {
	o.agent = slices.Contains(stringsOf(d["features"]), "monitoring")
	o.vcpus = max(1, int(number(d["vcpus"])))
	o.memory = number(d["memory"]) * (1 << 20)
	o.disk = number(d["disk"]) * (1 << 30)
}

func fillApp(o *monitoredObject, a map[string]any) {
	spec, _ := a["spec"].(map[string]any)
	for _, key := range []string{"services", "workers", "jobs"} {
		components, _ := spec[key].([]any)
		for _, c := range components {
			c, _ := c.(map[string]any)
			name, _ := c["name"].(string)
			o.components = append(o.components, name)
			o.instances = append(o.instances, max(1, int(number(c["instance_count"]))))
		}
	}
}

func fillLoadBalancer(o *monitoredObject, lb map[string]any) {
	switch ids := lb["droplet_ids"].(type) {
	case []int:
		for _, id := range ids {
			o.backends = append(o.backends, strconv.Itoa(id))
		}
	case []any:
		for _, id := range ids {
			o.backends = append(o.backends, fmt.Sprint(id))
		}
	}
}

// level is a value between low and high picked by a hash of the resource
// and what is picked: resources differ, and one in twenty gets extreme.
func (o *monitoredObject) level(what string, low, high, extreme float64) float64 {
	h := sha1.Sum([]byte(o.id + " " + what))
	d := binary.BigEndian.Uint32(h[:4]) % 20
	if d == 19 {
		return extreme
	}
	return low + (high-low)*float64(d)/18
}

// generate makes up a metric's series in w; none for a Droplet without the
// agent, as the API answers for one.
func (o *monitoredObject) generate(metric string, w window) []Series {
	switch o.kind {
	case "droplet":
		if o.agent {
			return o.droplet(metric, w)
		}
	case "apps":
		return o.app(metric, w)
	case "load_balancer":
		return o.loadBalancer(metric, w)
	}
	return nil
}

func (o *monitoredObject) droplet(metric string, w window) []Series {
	host := map[string]string{"host_id": o.id}
	// Busy seconds of each CPU in each 2-minute step: a multiple of 6, so
	// that user, system and iowait split them in whole seconds.
	busy := 6 * math.Round(o.level("cpu", 1, 10, 19))
	usedMemory := o.level("memory", 0.3, 0.8, 0.97)
	usedDisk := o.level("disk", 0.15, 0.75, 0.93)
	switch metric {
	case "cpu":
		return o.cpu(busy, w)
	case "memory_total":
		return constant(host, w, o.memory)
	case "memory_available":
		return constant(host, w, o.memory*(1-usedMemory))
	case "memory_free":
		return constant(host, w, o.memory*(1-usedMemory)*0.6)
	case "memory_cached":
		return constant(host, w, o.memory*(1-usedMemory)*0.4)
	case "filesystem_size", "filesystem_free":
		fs := map[string]string{"device": "/dev/vda1", "fstype": "ext4", "host_id": o.id, "mountpoint": "/"}
		if metric == "filesystem_free" {
			return constant(fs, w, o.disk*(1-usedDisk))
		}
		return constant(fs, w, o.disk)
	case "load_1", "load_5", "load_15":
		factor := map[string]float64{"load_1": 1, "load_5": 0.9, "load_15": 0.8}[metric]
		return constant(host, w, float64(o.vcpus)*busy/120*factor)
	case "bandwidth":
		return o.bandwidth(w)
	}
	return nil
}

// cpu gives one counter per mode, in CPU seconds since the fake's epoch.
func (o *monitoredObject) cpu(busy float64, w window) []Series {
	perStep := map[string]float64{
		"idle": 120 - busy, "user": busy * 4 / 6, "system": busy / 6, "iowait": busy / 6,
		"irq": 0, "nice": 0, "softirq": 0, "steal": 0,
	}
	var series []Series
	for _, mode := range []string{"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"} {
		seconds := perStep[mode] * float64(o.vcpus)
		series = append(series, Series{
			Labels:  map[string]string{"host_id": o.id, "mode": mode},
			Samples: samplesIn(w, func(t time.Time) string { return whole(seconds * steps(t)) }),
		})
	}
	return series
}

func (o *monitoredObject) bandwidth(w window) []Series {
	var series []Series
	for _, iface := range []string{"public", "private"} {
		for _, direction := range []string{"inbound", "outbound"} {
			mbps := o.level("bandwidth", 0.2, 6, 12)
			if iface == "private" {
				mbps /= 4
			}
			if direction == "outbound" {
				mbps *= 2.5
			}
			labels := map[string]string{"direction": direction, "host_id": o.id, "interface": iface}
			series = append(series, constant(labels, w, mbps)...)
		}
	}
	return series
}

// app gives one series per instance of each component that runs any, with
// values written as the API writes them, with more digits than a float64
// holds.
func (o *monitoredObject) app(metric string, w window) []Series {
	var series []Series
	for i, component := range o.components {
		for instance := range o.instances[i] {
			labels := map[string]string{"app_component": component,
				"app_component_instance": fmt.Sprintf("%s-%d", component, instance), "app_uuid": o.id}
			var value string
			switch metric {
			case "cpu_percentage":
				value = fmt.Sprintf("%d.016600450090265357", 3+int(o.seed>>uint(i))%40)
			case "memory_percentage":
				value = fmt.Sprintf("%d.015085955677299055", 20+int(o.seed>>uint(i+4))%60)
			case "restart_count":
				value = "0"
				if (o.seed>>uint(i+8))%4 == 3 { // one component in four restarted twice
					value = "2"
				}
			}
			series = append(series, Series{Labels: labels, Samples: samplesIn(w, func(time.Time) string { return value })})
		}
	}
	return series
}

func (o *monitoredObject) loadBalancer(metric string, w window) []Series {
	lb := map[string]string{"lb_id": o.id}
	switch metric {
	case "frontend_connections_current":
		return constant(lb, w, float64(20+o.seed%300))
	case "frontend_cpu_utilization":
		return constant(lb, w, 2+float64(o.seed%20)/4)
	case "frontend_http_responses":
		var series []Series
		for i, class := range []string{"2xx", "3xx", "4xx", "5xx"} {
			rate := []float64{40, 2, 1.5, 0.25}[i] * (1 + float64(o.seed%5))
			series = append(series, constant(map[string]string{"lb_id": o.id, "code": class}, w, rate)...)
		}
		return series
	case "droplets_health_checks":
		var series []Series
		for i, backend := range o.backends {
			healthy := 1.0
			if (o.seed+uint32(i))%5 == 0 {
				healthy = 0
			}
			series = append(series, constant(map[string]string{"lb_id": o.id, "droplet_id": backend}, w, healthy)...)
		}
		return series
	}
	return nil
}

// constant is one series that holds value at every step of w.
func constant(labels map[string]string, w window, value float64) []Series {
	text := strconv.FormatFloat(value, 'f', -1, 64)
	return []Series{{Labels: labels, Samples: samplesIn(w, func(time.Time) string { return text })}}
}

// samplesIn samples value at every step of w, the steps counted from the
// Unix epoch so that two windows sample the same times.
func samplesIn(w window, value func(time.Time) string) []Sample {
	step := int64(sampleStep / time.Second)
	first := (w.start.Unix() + step - 1) / step * step
	var samples []Sample
	for t := first; t <= w.end.Unix(); t += step {
		at := time.Unix(t, 0)
		samples = append(samples, Sample{Time: at, Value: value(at)})
	}
	return samples
}

// steps counts the sample steps from the fake's epoch to t.
func steps(t time.Time) float64 { return float64(t.Sub(epoch) / sampleStep) }

func whole(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) }
