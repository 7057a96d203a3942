package inventory

import (
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func TestMapVolumesFromExamples(t *testing.T) {
	var body struct{ Volumes []godo.Volume }
	decodeExample(t, "volumes.json", &body)
	got := eachValue(mapVolume)(body.Volumes)
	if len(got) != 2 {
		t.Fatalf("got %d volumes, want the example's 2", len(got))
	}
	v := got[0]
	if v.ID != "506f78a4-e098-11e5-ad9f-000f53306ae1" || v.Name != "example" || v.Region != "nyc1" ||
		v.SizeBytes != 10<<30 || v.FilesystemType != "ext4" || len(v.DropletIDs) != 0 ||
		!v.Created.Equal(time.Date(2016, 3, 2, 17, 0, 49, 0, time.UTC)) || v.State() != VolumeUnattached {
		t.Errorf("volume: %+v", v)
	}
	attached := Volume{DropletIDs: []int{1}}
	if attached.State() != VolumeAttached {
		t.Errorf("a volume with a droplet is %s", attached.State())
	}
}
