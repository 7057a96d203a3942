package inventory

import (
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapNFSSharesFromExamples(t *testing.T) {
	s := mapExample(t, "nfs.json", "shares", eachValue(mapNFSShare), 1)[0]
	want := NFSShare{ID: "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", Name: "sammy-share-drive", Region: "atl1", Status: "ACTIVE",
		SizeBytes: 1024 << 30, Created: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)}
	if s != want {
		t.Errorf("share %+v, want %+v", s, want)
	}
}

// TestNFSSharesAreReadOncePerRegion: the demo has nine VPCs in eight
// regions; each region is asked for once, and each share comes from its own.
func TestNFSSharesAreReadOncePerRegion(t *testing.T) {
	api := newTestAPI(t, fakeapi.Demo())
	s := api.refresh(t)
	regions := map[string]bool{}
	for _, v := range VPCs.Of(s) {
		regions[v.Region] = true
	}
	if n := api.Count("GET", "/v2/nfs"); n != len(regions) || len(VPCs.Of(s)) <= len(regions) {
		t.Errorf("%d requests for %d regions of %d VPCs, want one per region", n, len(regions), len(VPCs.Of(s)))
	}
	shares := 0
	for region, list := range NFSShares.Of(s) {
		for _, share := range list {
			shares++
			if share.Region != region {
				t.Errorf("share %s of %s listed for %s", share.Name, share.Region, region)
			}
		}
	}
	if shares != 3 {
		t.Errorf("%d shares, want the demo's 3", shares)
	}
}
