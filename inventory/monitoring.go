package inventory

import (
	"cmp"
	"context"
	"time"
)

// The monitored kinds read the Monitoring API: one request per metric per
// resource, so they are read on a cadence of their own
// (MonitoringOptions.Interval), planned within the request budget with what
// the lists leave of it, and when even the longest interval does not fit,
// only as many resources per round as fit, the least recently read first.
const (
	KindDropletMetrics      = "droplet_metrics"
	KindAppMetrics          = "app_metrics"
	KindLoadBalancerMetrics = "load_balancer_metrics"
)

// Defaults of MonitoringOptions.
const (
	DefaultMonitoringInterval    = 5 * time.Minute
	DefaultMonitoringMaxInterval = time.Hour
)

// MonitoringOptions say what the monitored kinds read, and how often.
type MonitoringOptions struct {
	Interval    time.Duration // between two readings of a resource; 0: DefaultMonitoringInterval
	MaxInterval time.Duration // the budget stretches Interval up to this; 0: DefaultMonitoringMaxInterval
	// DropletTags, when set, limit the Droplets read to those with any of them.
	DropletTags []string
	// DropletMetrics are the groups of Droplet metrics read (DropletMetricGroups);
	// nil: DefaultDropletMetrics.
	DropletMetrics []string
	// Clock tells the time windows end at and paces the requests of a round;
	// nil: the system's. Tests run rounds in simulated time with their own.
	Clock Clock
}

func (o MonitoringOptions) withDefaults() MonitoringOptions {
	o.Interval = cmp.Or(o.Interval, DefaultMonitoringInterval)
	o.MaxInterval = max(cmp.Or(o.MaxInterval, DefaultMonitoringMaxInterval), o.Interval)
	if o.DropletMetrics == nil {
		o.DropletMetrics = DefaultDropletMetrics
	}
	if o.Clock == nil {
		o.Clock = systemClock{}
	}
	return o
}

// Clock is the monitoring's time.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or until ctx ends and then returns its error.
	Sleep(ctx context.Context, d time.Duration) error
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) Sleep(ctx context.Context, d time.Duration) error { return sleep(ctx, d) }

// Coverage says how much of a monitored kind the last round read. Every
// selected resource is in one of the three other states.
type Coverage struct {
	Selected int // by the kind's filters
	Covered  int // read in this round
	// SkippedNoAgent answered with no samples (a Droplet without the agent,
	// an app that runs nothing), or the list says it has no agent: asked
	// again on the detail cadence only.
	SkippedNoAgent int
	SkippedBudget  int // left for a later round: the budget allows no more
}

// Reading is what one resource's metrics said when last read.
type Reading[V any] struct {
	Sampled time.Time // the newest sample
	Values  V
}

// MonitoringData is what a monitored kind knows: the last reading of each
// resource, by its ID, and the coverage of the round.
type MonitoringData[V any] struct {
	Coverage Coverage
	ByID     map[string]Reading[V]
}

// Monitored is the descriptor of a monitored kind; V is what a reading of
// one resource holds.
type Monitored[V any] struct{ *Kind }

// Of returns what the kind knows in s: nothing until its first round.
func (m Monitored[V]) Of(s *Snapshot) MonitoringData[V] {
	data, _ := s.lists[m.name].(MonitoringData[V])
	return data
}

// With pairs the kind with what it knows, to build a snapshot by hand.
func (m Monitored[V]) With(data MonitoringData[V]) Listing { return Listing{m.name, data} }

// MonitoringStatus is how a monitored kind covers its resources: what the
// exporter's own health reports, whatever the kind.
type MonitoringStatus struct {
	Kind     string // of the resources read: droplets, apps, loadbalancers
	Coverage Coverage
	Sampled  map[string]time.Time // the newest sample of each resource, by ID
}

// Monitoring returns the status of every monitored kind s holds.
func Monitoring(s *Snapshot) []MonitoringStatus {
	var out []MonitoringStatus
	for _, k := range kinds {
		if list, ok := s.lists[k.name]; ok && k.monitor != nil {
			out = append(out, k.monitor.status(list))
		}
	}
	return out
}

// IsMonitored tells whether the kind reads the Monitoring API.
func (k *Kind) IsMonitored() bool { return k.monitor != nil }

// ListedKinds names every kind that is listed from the API, in order: all
// but the monitored ones.
func ListedKinds() []string {
	var names []string
	for _, k := range kinds {
		if k.monitor == nil {
			names = append(names, k.name)
		}
	}
	return names
}
