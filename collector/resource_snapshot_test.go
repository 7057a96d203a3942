package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestSnapshotValuesFromExamples checks the snapshot families against the
// example response itself (snapshots.json), not against a golden file.
func TestSnapshotValuesFromExamples(t *testing.T) {
	c := newSnapshotCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_snapshot_info Descriptive labels of each Droplet and volume snapshot, as of the last refresh; value 1.
# TYPE digitalocean_snapshot_info gauge
digitalocean_snapshot_info{account="default",id="6372321",name="web-01-1595954862243",regions=",nyc3,sfo3,",resource_id="200776916",resource_type="droplet",tags=",env:prod,web,"} 1
digitalocean_snapshot_info{account="default",id="fbe805e8-866b-11e6-96bf-000f53315a41",name="pvc-01-1595954862243",regions=",nyc1,",resource_id="89bcc42f-85cf-11e6-a004-000f53315871",resource_type="volume",tags=",k8s,"} 1
# HELP digitalocean_snapshot_size_bytes Size of each snapshot in bytes, as of the last refresh.
# TYPE digitalocean_snapshot_size_bytes gauge
digitalocean_snapshot_size_bytes{account="default",id="6372321"} 2.512555868e+09
digitalocean_snapshot_size_bytes{account="default",id="fbe805e8-866b-11e6-96bf-000f53315a41"} 1.08233176e+08
# HELP digitalocean_snapshot_created_timestamp_seconds When each snapshot was taken, in Unix seconds, as of the last refresh.
# TYPE digitalocean_snapshot_created_timestamp_seconds gauge
digitalocean_snapshot_created_timestamp_seconds{account="default",id="6372321"} 1.595954864e+09
digitalocean_snapshot_created_timestamp_seconds{account="default",id="fbe805e8-866b-11e6-96bf-000f53315a41"} 1.56971247e+09
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
