package fakeapi

import (
	"context"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoKeys reads the demo's SSH and Spaces keys with godo: the SSH
// keys have distinct fingerprints, the Spaces list carries no secret, and
// one Spaces key may do anything to every bucket.
func TestDemoKeys(t *testing.T) {
	c := newGodo(t, newTestServer(t, Demo()))
	ctx, opt := context.Background(), &godo.ListOptions{PerPage: 200}
	ssh, _, err := c.Keys.List(ctx, opt)
	if err != nil || len(ssh) != len(demoSSHKeys) {
		t.Fatalf("%d SSH keys (%v)", len(ssh), err)
	}
	wantUnique(t, "fingerprints", ssh, func(k godo.Key) any { return k.Fingerprint })
	spaces, _, err := c.SpacesKeys.List(ctx, opt)
	if err != nil || len(spaces) != len(spacesKeyPlans) {
		t.Fatalf("%d Spaces keys (%v)", len(spaces), err)
	}
	full := 0
	for _, k := range spaces {
		if k.SecretKey != "" || k.AccessKey == "" || len(k.Grants) == 0 {
			t.Errorf("%s: %+v", k.Name, k)
		}
		for _, g := range k.Grants {
			if g.Permission == "fullaccess" {
				full++
			}
		}
	}
	if full != 1 {
		t.Errorf("%d keys with full access, want 1", full)
	}
}
