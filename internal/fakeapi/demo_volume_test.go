package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

func TestDemoVolumes(t *testing.T) {
	demo := Demo()
	client := newGodo(t, newTestServer(t, demo))
	volumes, _, err := client.Storage.ListVolumes(context.Background(), &godo.ListVolumeParams{ListOptions: &godo.ListOptions{PerPage: 200}})
	if err != nil || len(volumes) != 6 {
		t.Fatalf("got %d volumes (%v), want 6", len(volumes), err)
	}
	droplets := map[int]string{} // id to region
	for _, d := range demo.Lists[Droplets] {
		droplets[d["id"].(int)] = object(d, "region")["slug"].(string)
	}
	attached, filesystems := 0, map[string]bool{}
	for _, v := range volumes {
		filesystems[v.FilesystemType] = true
		for _, id := range v.DropletIDs {
			attached++
			if region, ok := droplets[id]; !ok || region != v.Region.Slug {
				t.Errorf("%s is attached to droplet %d in %q, not a droplet of its region %s", v.Name, id, region, v.Region.Slug)
			}
		}
		if v.SizeGigaBytes <= 0 || v.CreatedAt.IsZero() {
			t.Errorf("%s: size %d GB, created %v", v.Name, v.SizeGigaBytes, v.CreatedAt)
		}
	}
	if attached != 4 || len(filesystems) != 3 {
		t.Errorf("%d attached volumes, filesystems %v; want 4 attached and ext4, xfs and none", attached, filesystems)
	}
}
