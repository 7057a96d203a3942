package collector

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// staticSource serves fixed snapshots, for the edges a fake API cannot reach.
type staticSource []*inventory.Snapshot

func (s staticSource) Snapshots() []*inventory.Snapshot { return s }

func TestUnknownKindIsAbsentNotZero(t *testing.T) {
	never := &inventory.Snapshot{Account: "default", Status: map[string]inventory.Status{
		inventory.KindDroplets: {Refreshes: 1, Reason: inventory.ReasonForbidden},
	}}
	if n := testutil.CollectAndCount(newDropletCollector(staticSource{never})); n != 0 {
		t.Errorf("droplets never listed: got %d series, want none", n)
	}
}

func TestTagsLabelMatchesOneTagExactly(t *testing.T) {
	for _, tc := range []struct {
		tags []string
		want string
	}{
		{nil, ""},
		{[]string{"production"}, ",production,"},
		{[]string{"env:prod", "k8s:worker", "web"}, ",env:prod,k8s:worker,web,"},
	} {
		if got := tagsLabel(tc.tags); got != tc.want {
			t.Errorf("tagsLabel(%q) = %q, want %q", tc.tags, got, tc.want)
		}
	}
}

func TestCountsGroupByLabelTuple(t *testing.T) {
	s := inventory.NewSnapshot("acme", timeOne, inventory.Droplets.With([]inventory.Droplet{
		{ID: 1, Region: "nyc1", Status: "active", Size: "s-1vcpu-1gb"},
		{ID: 2, Region: "nyc1", Status: "active", Size: "s-1vcpu-1gb"},
		{ID: 3, Region: "fra1", Status: "off", Size: "s-1vcpu-1gb"},
	}))
	want := `
# HELP digitalocean_droplets Number of Droplets by region, status and size, as of the last refresh.
# TYPE digitalocean_droplets gauge
digitalocean_droplets{account="acme",region="fra1",size="s-1vcpu-1gb",status="off"} 1
digitalocean_droplets{account="acme",region="nyc1",size="s-1vcpu-1gb",status="active"} 2
`
	if err := testutil.CollectAndCompare(newDropletCollector(staticSource{s}), strings.NewReader(want), "digitalocean_droplets"); err != nil {
		t.Error(err)
	}
}

var timeOne = time.Unix(1, 0)

// collectText is the exposition of one collector: of the metrics named, or
// of all of them.
func collectText(t *testing.T, c prometheus.Collector, names ...string) string {
	t.Helper()
	reg := prometheus.NewPedanticRegistry()
	reg.MustRegister(c)
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, mf := range families {
		if len(names) > 0 && !slices.Contains(names, mf.GetName()) {
			continue
		}
		if _, err := expfmt.MetricFamilyToText(&b, mf); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestLongLabelValuesAreCut(t *testing.T) {
	long := strings.Repeat("é", 2000) // two bytes each
	s := inventory.NewSnapshot("acme", timeOne, inventory.Droplets.With([]inventory.Droplet{{ID: 1, Name: long}}))
	text := collectText(t, newDropletCollector(staticSource{s}), "digitalocean_droplet_info")
	name := text[strings.Index(text, `name="`)+6:]
	name = name[:strings.Index(name, `"`)]
	if len(name) > maxLabelLength || !strings.HasSuffix(name, "…") || !utf8.ValidString(name) {
		t.Errorf("a %d-byte name became a %d-byte label (valid UTF-8: %v)", len(long), len(name), utf8.ValidString(name))
	}
}
