package drift

import (
	"fmt"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// BenchmarkEvaluate judges 10,000 Droplets against a baseline of each of
// them, sizes, regions and tags declared: the work after each refresh.
func BenchmarkEvaluate(b *testing.B) {
	live := make([]inventory.Droplet, 10000)
	baseline := &Baseline{Kinds: []string{inventory.KindDroplets}, Entries: make([]Entry, len(live))}
	for i := range live {
		live[i] = inventory.Droplet{ID: i, Name: fmt.Sprintf("web-%05d", i), Region: "nyc1", Size: "s-1vcpu-2gb",
			Tags: []string{"production", "web"}}
		baseline.Entries[i] = Entry{Kind: inventory.KindDroplets, ID: fmt.Sprint(i), Region: "nyc1", Size: "s-1vcpu-2gb",
			Tags: []string{"production", "web"}}
	}
	snapshots := []*inventory.Snapshot{droplets("default", live...)}
	for b.Loop() {
		if v := Evaluate(baseline, snapshots); len(v.Findings) != 0 {
			b.Fatalf("%d findings", len(v.Findings))
		}
	}
}
