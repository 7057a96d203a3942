package fakeapi

import (
	"context"
	"net/http"
	"testing"
)

// TestDemoNFSShares reads the demo's shares with godo, one region at a
// time: each region lists its own, and a request without a region is
// refused.
func TestDemoNFSShares(t *testing.T) {
	s := newTestServer(t, Demo())
	c := newGodo(t, s)
	total := 0
	for _, r := range regions {
		shares, _, err := c.Nfs.List(context.Background(), nil, r.slug)
		if err != nil {
			t.Fatalf("%s: %v", r.slug, err)
		}
		for _, share := range shares {
			total++
			if share.Region != r.slug || share.SizeGib <= 0 {
				t.Errorf("%s: %+v", r.slug, share)
			}
		}
	}
	if total != len(nfsPlans) {
		t.Errorf("%d shares over every region, want %d", total, len(nfsPlans))
	}
	if r := get(t, s, "/v2/nfs"); r.status != http.StatusBadRequest {
		t.Errorf("shares without a region: %d, want 400", r.status)
	}
}
