package collector

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestGatherDirectIsRegistryGather: every collector of the demo account,
// every kind listed, gathered without a Registry gives what a Registry
// gives, which also checks that no two metrics are one series.
func TestGatherDirectIsRegistryGather(t *testing.T) {
	src := refreshedSource(t, fakeapi.Demo())
	direct := 0
	for _, f := range Factories {
		c, ok := f.New(src).(kindCollector)
		if !ok {
			continue
		}
		direct++
		reg := prometheus.NewRegistry()
		reg.MustRegister(c)
		want, err := reg.Gather()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		got, err := gatherDirect(c)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if g, w := textOf(t, got), textOf(t, want); g != w {
			t.Errorf("%s: gathered directly:\n%s\nthrough a Registry:\n%s", f.Name, g, w)
		}
	}
	if direct < len(Factories)-2 {
		t.Errorf("only %d of %d collectors are gathered directly", direct, len(Factories))
	}
}

// TestGatherDirectReportsAMetricThatDoesNotWrite: a label value that is
// not UTF-8 loses its own series and says so, and the rest are served.
func TestGatherDirectReportsAMetricThatDoesNotWrite(t *testing.T) {
	s := inventory.NewSnapshot("a", time.Now(), inventory.Droplets.With([]inventory.Droplet{
		{ID: 1, Name: "web-1", Region: "nyc1", Status: "active"},
		{ID: 2, Name: "bad\xff", Region: "nyc1", Status: "active"},
	}))
	c := newDropletCollector(staticSource{s}).(kindCollector)
	families, err := gatherDirect(c)
	if err == nil {
		t.Error("no error for a name that is not UTF-8")
	}
	text := textOf(t, families)
	if !bytes.Contains([]byte(text), []byte(`name="web-1"`)) || bytes.Contains([]byte(text), []byte("bad")) {
		t.Errorf("served:\n%s", text)
	}
}

func textOf(t *testing.T, families []*dto.MetricFamily) string {
	t.Helper()
	var b bytes.Buffer
	enc := expfmt.NewEncoder(&b, expfmt.NewFormat(expfmt.TypeTextPlain))
	for _, mf := range families {
		if err := enc.Encode(mf); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// TestGatherDirectServesARepeatedSeriesOnce: two Droplets of one ID (as a
// list that shifts while it is paged could give) are one series, served
// once and reported, as a Registry does.
func TestGatherDirectServesARepeatedSeriesOnce(t *testing.T) {
	s := inventory.NewSnapshot("a", time.Now(), inventory.Droplets.With([]inventory.Droplet{
		{ID: 1, Name: "web-1", Region: "nyc1", Status: "active"},
		{ID: 1, Name: "web-1", Region: "nyc1", Status: "active"},
	}))
	c := newDropletCollector(staticSource{s}).(kindCollector)
	families, err := gatherDirect(c)
	if err == nil || !strings.Contains(err.Error(), "collected before with the same name and label values") {
		t.Errorf("error %v, want one saying a series was collected twice", err)
	}
	if n := strings.Count(textOf(t, families), "digitalocean_droplet_info{"); n != 1 {
		t.Errorf("digitalocean_droplet_info served %d times, want once:\n%s", n, textOf(t, families))
	}
}
