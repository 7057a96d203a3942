package fakeapi

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/digitalocean/godo"
)

func TestDemoImages(t *testing.T) {
	demo := Demo()
	server := newTestServer(t, demo)
	client := newGodo(t, server)
	images, _, err := client.Images.ListUser(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(images) != 4 {
		t.Fatalf("got %d images (%v), want 4", len(images), err)
	}
	snapshots := map[string]map[string]any{}
	for _, s := range demo.Lists[Snapshots] {
		snapshots[s["id"].(string)] = s
	}
	types, statuses := map[string]int{}, map[string]int{}
	for _, img := range images {
		types[img.Type]++
		statuses[img.Status]++
		if img.Public || img.SizeGigaBytes <= 0 || len(img.Regions) == 0 || img.Distribution == "" {
			t.Errorf("%s: %+v", img.Name, img)
		}
		if s, ok := snapshots[strconv.Itoa(img.ID)]; img.Type == "snapshot" && (!ok || s["name"] != img.Name) {
			t.Errorf("snapshot image %d %s is not a snapshot of the demo", img.ID, img.Name)
		}
	}
	if types["custom"] != 2 || types["snapshot"] != 2 || statuses["available"] != 3 || statuses["NEW"] != 1 {
		t.Errorf("types %v, statuses %v; want 2 custom and 2 snapshot images, one still NEW", types, statuses)
	}
	// Only the account's own images are served: a list of every image,
	// public ones included, is not what the exporter may ask for.
	if r := get(t, server, "/v2/images"); r.status != http.StatusNotFound {
		t.Errorf("GET /v2/images without private=true: %d, want 404", r.status)
	}
}
