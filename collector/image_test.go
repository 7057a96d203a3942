package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestImageValuesFromExamples checks the image families against the
// example response itself (images.json, whose six images share three IDs),
// not against a golden file: one series per ID, the first image's.
func TestImageValuesFromExamples(t *testing.T) {
	c := newImageCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_image_info Descriptive labels of each of the account's own images (snapshots, backups, custom images), as of the last refresh; value 1.
# TYPE digitalocean_image_info gauge
digitalocean_image_info{account="default",distribution="Ubuntu",id="63663980",name="20.04 (LTS) x64",regions=",nyc2,nyc3,",status="available",type="snapshot"} 1
digitalocean_image_info{account="default",distribution="Ubuntu",id="7555620",name="Nifty New Snapshot",regions=",nyc2,nyc3,",status="available",type="snapshot"} 1
digitalocean_image_info{account="default",distribution="Ubuntu",id="7555621",name="Another Snapshot",regions=",nyc2,",status="available",type="snapshot"} 1
# HELP digitalocean_image_size_bytes Size of each image in bytes, as of the last refresh.
# TYPE digitalocean_image_size_bytes gauge
digitalocean_image_size_bytes{account="default",id="63663980"} 2.534030705e+09
digitalocean_image_size_bytes{account="default",id="7555620"} 2.512555868e+09
digitalocean_image_size_bytes{account="default",id="7555621"} 2.512555868e+09
# HELP digitalocean_image_created_timestamp_seconds When each image was created, in Unix seconds, as of the last refresh.
# TYPE digitalocean_image_created_timestamp_seconds gauge
digitalocean_image_created_timestamp_seconds{account="default",id="63663980"} 1.58952167e+09
digitalocean_image_created_timestamp_seconds{account="default",id="7555620"} 1.415139782e+09
digitalocean_image_created_timestamp_seconds{account="default",id="7555621"} 1.415139782e+09
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
