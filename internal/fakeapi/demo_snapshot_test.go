package fakeapi

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func TestDemoSnapshots(t *testing.T) {
	demo := Demo()
	client := newGodo(t, newTestServer(t, demo))
	snapshots, _, err := client.Snapshots.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(snapshots) != 6 {
		t.Fatalf("got %d snapshots (%v), want 6", len(snapshots), err)
	}
	resources := map[string]map[string]any{} // droplets and volumes by id
	for _, d := range demo.Lists[Droplets] {
		resources[strconv.Itoa(d["id"].(int))] = d
	}
	for _, v := range demo.Lists[Volumes] {
		resources[v["id"].(string)] = v
	}
	types, copied, untagged := map[string]int{}, 0, 0
	for _, s := range snapshots {
		types[s.ResourceType]++
		r, ok := resources[s.ResourceID]
		if !ok {
			t.Errorf("%s is a snapshot of %s %s, which the demo does not have", s.Name, s.ResourceType, s.ResourceID)
			continue
		}
		created, _ := time.Parse(time.RFC3339, s.Created)
		resourceCreated, _ := time.Parse(time.RFC3339, r["created_at"].(string))
		if !created.After(resourceCreated) || created.After(epoch.Add(history)) {
			t.Errorf("%s taken %v, not between its resource's creation %v and the end of the history", s.Name, created, resourceCreated)
		}
		if s.Regions[0] != object(r, "region")["slug"] || s.SizeGigaBytes <= 0 {
			t.Errorf("%s: regions %v, size %v GB; want its resource's region first", s.Name, s.Regions, s.SizeGigaBytes)
		}
		if len(s.Regions) > 1 {
			copied++
		}
		if len(s.Tags) == 0 {
			untagged++
		}
	}
	if types["droplet"] != 4 || types["volume"] != 2 || copied == 0 || untagged == 0 {
		t.Errorf("snapshots of %v, %d copied, %d untagged; want 4 of droplets, 2 of volumes, some copied and some untagged",
			types, copied, untagged)
	}
}
