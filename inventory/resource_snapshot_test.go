package inventory

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapSnapshotsFromExamples(t *testing.T) {
	var body struct{ Snapshots []godo.Snapshot }
	decodeExample(t, "snapshots.json", &body)
	got := eachValue(mapSnapshot)(body.Snapshots)
	want := []ResourceSnapshot{{
		ID: "6372321", Name: "web-01-1595954862243", ResourceType: "droplet", ResourceID: "200776916",
		Regions: []string{"nyc3", "sfo3"}, SizeBytes: 2512555868, Tags: []string{"env:prod", "web"},
		Created: time.Date(2020, 7, 28, 16, 47, 44, 0, time.UTC),
	}, {
		ID: "fbe805e8-866b-11e6-96bf-000f53315a41", Name: "pvc-01-1595954862243", ResourceType: "volume",
		ResourceID: "89bcc42f-85cf-11e6-a004-000f53315871", Regions: []string{"nyc1"},
		SizeBytes: 108233176, // 0.1008 GiB, rounded to the byte
		Tags:      []string{"k8s"}, Created: time.Date(2019, 9, 28, 23, 14, 30, 0, time.UTC),
	}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("snapshots:\n got %+v\nwant %+v", got, want)
	}
}

// TestGodoSnapshotsListDropsMeta is why Snapshots reads the page
// itself: when a godo release returns meta, use Snapshots.List instead.
func TestGodoSnapshotsListDropsMeta(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	opt := &godo.ListOptions{Page: 1, PerPage: perPage}
	ctx := context.Background()
	_, viaGodo, err := api.refresher.client.Snapshots.List(ctx, opt)
	if err != nil || viaGodo.Meta != nil {
		t.Errorf("godo's Snapshots.List: meta %v, err %v; want no meta", viaGodo.Meta, err)
	}
	snapshots, ours, err := rawList[godo.Snapshot](api.refresher.client, "v2/snapshots", "snapshots")(ctx, opt)
	if err != nil || ours.Meta == nil || ours.Meta.Total != 2 || len(snapshots) != 2 || !ours.Links.IsLastPage() {
		t.Errorf("rawList: %d snapshots, meta %v, err %v; want the example's 2 on one page", len(snapshots), ours.Meta, err)
	}
}
