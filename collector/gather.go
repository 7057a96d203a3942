package collector

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// family is what a Desc made by newDesc names, which prometheus.Desc does
// not tell: gatherDirect needs it to build a family without a Registry,
// and newSample to label a sample.
type family struct {
	name, help string
	labels     []*string // its label names, sorted, shared by its samples
	order      []int     // the place of each sorted name in newDesc's labels
}

func newFamily(name, help string, labels []string) family {
	f := family{name: name, help: help, order: make([]int, len(labels))}
	for i := range f.order {
		f.order[i] = i
	}
	slices.SortFunc(f.order, func(a, b int) int { return cmp.Compare(labels[a], labels[b]) })
	for _, i := range f.order {
		f.labels = append(f.labels, &labels[i])
	}
	return f
}

// families holds the family of every Desc newDesc made, by Desc.
var families sync.Map

// gatherDirect collects c into the families Registry.Gather would make of
// the same metrics, sorted alike (TestGatherDirectIsRegistryGather), but
// without the checks Registry.Gather makes of every metric by hashing it:
// that its labels match its Desc (newSample makes them so, and tests
// gather every collector through a Registry too), and that no two metrics
// are one series, which the sorted families show for less. At 140,000
// series those checks were an eighth of a rebuild's CPU. As in
// Registry.Gather, metrics that do not write (invalid label values) and
// repeated series are left out and reported.
func gatherDirect(c kindCollector) ([]*dto.MetricFamily, error) {
	byDesc := map[*prometheus.Desc]*dto.MetricFamily{}
	var errs prometheus.MultiError
	c.each(func(m prometheus.Metric) {
		desc := m.Desc()
		mf, err := familyOf(byDesc, desc)
		if err == nil {
			err = appendMetric(mf, m)
		}
		errs.Append(err)
	})
	out := make([]*dto.MetricFamily, 0, len(byDesc))
	for _, mf := range byDesc {
		if len(mf.Metric) > 0 {
			slices.SortFunc(mf.Metric, compareLabelValues)
			mf.Metric = dropRepeated(mf, &errs)
			out = append(out, mf)
		}
	}
	slices.SortFunc(out, func(a, b *dto.MetricFamily) int { return cmp.Compare(a.GetName(), b.GetName()) })
	return out, errs.MaybeUnwrap()
}

func familyOf(byDesc map[*prometheus.Desc]*dto.MetricFamily, desc *prometheus.Desc) (*dto.MetricFamily, error) {
	if mf, ok := byDesc[desc]; ok {
		return mf, nil
	}
	f, ok := families.Load(desc)
	if !ok {
		return nil, fmt.Errorf("%s was not made by newDesc", desc)
	}
	name, help := f.(family).name, f.(family).help
	mf := &dto.MetricFamily{Name: &name, Help: &help}
	byDesc[desc] = mf
	return mf, nil
}

// appendMetric writes m into mf, whose type the first metric sets.
func appendMetric(mf *dto.MetricFamily, m prometheus.Metric) error {
	dm := &dto.Metric{}
	if err := m.Write(dm); err != nil {
		return fmt.Errorf("error collecting metric %s: %w", mf.GetName(), err)
	}
	typ := dto.MetricType_UNTYPED
	switch {
	case dm.Gauge != nil:
		typ = dto.MetricType_GAUGE
	case dm.Counter != nil:
		typ = dto.MetricType_COUNTER
	case dm.Untyped == nil:
		return fmt.Errorf("metric %s is neither a gauge, a counter nor untyped", mf.GetName())
	}
	if mf.Type == nil {
		mf.Type = &typ
	} else if *mf.Type != typ {
		return fmt.Errorf("metric %s is a %s in a family of %s", mf.GetName(), typ, *mf.Type)
	}
	mf.Metric = append(mf.Metric, dm)
	return nil
}

// dropRepeated keeps the first of sorted metrics whose label values are
// all the same (two objects of one ID, two long names cut alike), which
// would serve one series twice, and reports the others.
func dropRepeated(mf *dto.MetricFamily, errs *prometheus.MultiError) []*dto.Metric {
	return slices.CompactFunc(mf.Metric, func(a, b *dto.Metric) bool {
		if compareLabelValues(a, b) != 0 {
			return false
		}
		errs.Append(fmt.Errorf("collected metric %s %s was collected before with the same name and label values",
			mf.GetName(), b.GetLabel()))
		return true
	})
}

// compareLabelValues orders the metrics of one family as Registry.Gather
// does: by their label values, in the order of the label names.
func compareLabelValues(a, b *dto.Metric) int {
	for i := range min(len(a.Label), len(b.Label)) {
		if c := cmp.Compare(a.Label[i].GetValue(), b.Label[i].GetValue()); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a.Label), len(b.Label))
}

// sample is one series of a family newDesc made: what
// prometheus.NewConstMetric makes, for fewer allocations, since a rebuild
// makes a hundred thousand of them. Its label pairs are made in one block,
// in the order of their names, which they share with the family's other
// samples.
type sample struct {
	desc    *prometheus.Desc
	counter bool
	value   float64
	labels  []*dto.LabelPair
}

// newSample is NewConstMetric for a Desc of newDesc, with its checks: as
// many values as labels, each valid UTF-8.
func newSample(desc *prometheus.Desc, kind prometheus.ValueType, value float64, values []string) (prometheus.Metric, error) {
	f, ok := families.Load(desc)
	if !ok || (kind != prometheus.GaugeValue && kind != prometheus.CounterValue) {
		return prometheus.NewConstMetric(desc, kind, value, values...)
	}
	fam := f.(family)
	if len(values) != len(fam.labels) {
		return nil, fmt.Errorf("%s: %d label values for %d labels", fam.name, len(values), len(fam.labels))
	}
	copied := slices.Clone(values)
	pairs := make([]dto.LabelPair, len(copied))
	labels := make([]*dto.LabelPair, len(copied))
	for i, j := range fam.order {
		if !utf8.ValidString(copied[j]) {
			return nil, fmt.Errorf("%s: label %s: value %q is not valid UTF-8", fam.name, *fam.labels[i], copied[j])
		}
		pairs[i].Name, pairs[i].Value = fam.labels[i], &copied[j]
		labels[i] = &pairs[i]
	}
	return &sample{desc: desc, counter: kind == prometheus.CounterValue, value: value, labels: labels}, nil
}

func (s *sample) Desc() *prometheus.Desc { return s.desc }

func (s *sample) Write(out *dto.Metric) error {
	out.Label = s.labels
	if s.counter {
		out.Counter = &dto.Counter{Value: &s.value}
	} else {
		out.Gauge = &dto.Gauge{Value: &s.value}
	}
	return nil
}
