// Package collector turns the inventory's snapshots into Prometheus metrics
// at scrape time. Collectors read snapshots only; they never call the API,
// so a scrape costs the same however slow the API is.
package collector

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

const namespace = "digitalocean"

// newDesc names a metric digitalocean_<subsystem>_<name> and puts the
// account label first, so no collector spells either out.
func newDesc(subsystem, name, help string, labels ...string) *prometheus.Desc {
	fqName := prometheus.BuildFQName(namespace, subsystem, name)
	labels = append([]string{"account"}, labels...)
	desc := prometheus.NewDesc(fqName, help, labels, nil)
	families.Store(desc, newFamily(fqName, help, labels))
	return desc
}

// kindCollector exposes one resource kind of every account. It skips an
// account whose list of that kind has never been fetched: unknown is
// absent, not zero.
type kindCollector struct {
	kind    string // "" when the collector needs no list of its own
	descs   []*prometheus.Desc
	src     inventory.Source
	collect func(emit, *inventory.Snapshot)
}

func newKindCollector(kind string, src inventory.Source, collect func(emit, *inventory.Snapshot),
	descs ...*prometheus.Desc) kindCollector {
	return kindCollector{kind: kind, descs: descs, src: src, collect: collect}
}

func (c kindCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs {
		ch <- d
	}
}

func (c kindCollector) Collect(ch chan<- prometheus.Metric) {
	c.each(func(m prometheus.Metric) { ch <- m })
}

// each hands out every metric of every account whose list is known.
func (c kindCollector) each(out emit) {
	for _, s := range c.src.Snapshots() {
		if c.kind == "" || s.Status[c.kind].Known() {
			c.collect(out, s)
		}
	}
}

// emit hands one metric on: to the scrape, or to a cache.
type emit func(prometheus.Metric)

// gauge sends one gauge sample. Values that do not fit the Desc (invalid
// UTF-8 in a name, say) fail that sample in the scrape instead of panicking.
func gauge(out emit, desc *prometheus.Desc, value float64, labels ...string) {
	send(out, desc, prometheus.GaugeValue, value, labels)
}

// positiveGauge sends a gauge sample only when its value is above zero: a
// price of 0 is one the API did not give.
func positiveGauge(out emit, desc *prometheus.Desc, value float64, labels ...string) {
	if value > 0 {
		gauge(out, desc, value, labels...)
	}
}

func counter(out emit, desc *prometheus.Desc, value float64, labels ...string) {
	send(out, desc, prometheus.CounterValue, value, labels)
}

func send(out emit, desc *prometheus.Desc, kind prometheus.ValueType, value float64, labels []string) {
	for i, v := range labels {
		labels[i] = capLabel(v)
	}
	m, err := newSample(desc, kind, value, labels)
	if err != nil {
		m = prometheus.NewInvalidMetric(desc, err)
	}
	out(m)
}

// maxLabelLength bounds a label value in bytes: names and tags from the
// API are short, and one that is not (a description pasted into a name)
// must not weigh on every scrape.
const maxLabelLength = 1024

// capLabel cuts a value longer than maxLabelLength at a character
// boundary and marks the cut with an ellipsis.
func capLabel(v string) string {
	if len(v) <= maxLabelLength {
		return v
	}
	cut := maxLabelLength - len("…")
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut] + "…"
}

// timestamp sends a time as Unix seconds, and nothing when it is unknown.
func timestamp(out emit, desc *prometheus.Desc, t time.Time, labels ...string) {
	if !t.IsZero() {
		send(out, desc, prometheus.GaugeValue, float64(t.UnixNano())/1e9, labels)
	}
}

// tagsLabel joins sorted tags as ",a,b," so that tags=~".*,a,.*" matches
// exactly the tag a; no tags give "".
func tagsLabel(tags []string) string { return setLabel(tags) }

// setLabel joins a sorted set of values (tags, regions) as ",a,b," so that
// a regular expression .*,a,.* matches exactly the value a; none give "".
func setLabel(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return "," + strings.Join(values, ",") + ","
}

func boolLabel(b bool) string { return strconv.FormatBool(b) }

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// counts tallies objects by a tuple of label values.
type counts map[string]float64

const countsSeparator = "\xff" // cannot occur in a valid label value

func (c counts) add(labels ...string) { c.addValue(1, labels...) }

// addValue adds value to a tuple's total: counts of dollars.
func (c counts) addValue(value float64, labels ...string) {
	c[strings.Join(labels, countsSeparator)] += value
}

// send emits one sample per tuple, after the account label.
func (c counts) send(out emit, desc *prometheus.Desc, account string) {
	for key, n := range c {
		gauge(out, desc, n, append([]string{account}, strings.Split(key, countsSeparator)...)...)
	}
}

// sendOnes emits 1 per distinct tuple: an _info series or a flag, which two
// equal objects must not turn into a duplicate series.
func (c counts) sendOnes(out emit, desc *prometheus.Desc, account string) {
	for key := range c {
		gauge(out, desc, 1, append([]string{account}, strings.Split(key, countsSeparator)...)...)
	}
}
