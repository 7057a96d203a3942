package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestVolumeValuesFromExamples checks the volume families against the
// example response itself (volumes.json), not against a golden file.
func TestVolumeValuesFromExamples(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.Volumes][1]["droplet_ids"] = []any{3164444, 3164459}
	c := newVolumeCollector(refreshedSource(t, acct))
	want := `
# HELP digitalocean_volume_attached_droplets Number of Droplets each volume is attached to; 0 means unattached (and still billed), as of the last refresh.
# TYPE digitalocean_volume_attached_droplets gauge
digitalocean_volume_attached_droplets{account="default",id="506f78a4-e098-11e5-ad9f-000f53305eb2"} 2
digitalocean_volume_attached_droplets{account="default",id="506f78a4-e098-11e5-ad9f-000f53306ae1"} 0
# HELP digitalocean_volume_size_bytes Size of each volume in bytes, as of the last refresh.
# TYPE digitalocean_volume_size_bytes gauge
digitalocean_volume_size_bytes{account="default",id="506f78a4-e098-11e5-ad9f-000f53305eb2"} 1.073741824e+10
digitalocean_volume_size_bytes{account="default",id="506f78a4-e098-11e5-ad9f-000f53306ae1"} 1.073741824e+10
# HELP digitalocean_volume_created_timestamp_seconds When each volume was created, in Unix seconds, as of the last refresh.
# TYPE digitalocean_volume_created_timestamp_seconds gauge
digitalocean_volume_created_timestamp_seconds{account="default",id="506f78a4-e098-11e5-ad9f-000f53305eb2"} 1.456938109e+09
digitalocean_volume_created_timestamp_seconds{account="default",id="506f78a4-e098-11e5-ad9f-000f53306ae1"} 1.456938049e+09
# HELP digitalocean_volumes Number of volumes by region, as of the last refresh.
# TYPE digitalocean_volumes gauge
digitalocean_volumes{account="default",region="nyc1"} 1
digitalocean_volumes{account="default",region="nyc3"} 1
`
	names := []string{"digitalocean_volume_attached_droplets", "digitalocean_volume_size_bytes",
		"digitalocean_volume_created_timestamp_seconds", "digitalocean_volumes"}
	if err := testutil.CollectAndCompare(c, strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
}
