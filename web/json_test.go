package web

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestWriteJSONWritesWhatTheEncoderWould: the inventory written a row at a
// time is, byte for byte, what json.Encoder writes of the whole fleet,
// with notes, without, and empty.
func TestWriteJSONWritesWhatTheEncoderWould(t *testing.T) {
	src := []*inventory.Snapshot{fleetSnapshot("prod"), withUnknown(fleetSnapshot("staging"), inventory.KindApps, inventory.ReasonForbidden)}
	for name, fleet := range map[string]Fleet{
		"every workload": newFleet(src),
		"with a note":    Filter{Tags: []string{"production"}}.apply(newFleet(src)),
		"empty":          Filter{Kinds: []string{"cdn"}}.apply(newFleet(nil)),
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(fleet); err != nil {
			t.Fatal(err)
		}
		if err := writeJSON(&got, fleet); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: writeJSON wrote\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}
