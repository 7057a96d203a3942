package fakeapi

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoAutoscalePools reads the demo's pools with godo (and how many
// Droplets each runs, which godo does not read): dynamic pools run within
// their bounds, one of them at its maximum; the static one runs its
// target; every template carries user data.
func TestDemoAutoscalePools(t *testing.T) {
	s := newTestServer(t, Demo())
	pools, _, err := newGodo(t, s).DropletAutoscale.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(pools) != len(autoscalePlans) {
		t.Fatalf("%d pools (%v), want %d", len(pools), err, len(autoscalePlans))
	}
	var raw struct {
		Pools []struct {
			Active uint64 `json:"active_resources_count"`
		} `json:"autoscale_pools"`
	}
	if err := json.Unmarshal(get(t, s, "/v2/droplets/autoscale?per_page=200").body, &raw); err != nil || len(raw.Pools) != len(pools) {
		t.Fatalf("raw pools: %v", err)
	}
	atMax, static := 0, 0
	for i, p := range pools {
		cfg, active := p.Config, raw.Pools[i].Active
		switch {
		case cfg.MaxInstances > 0 && (active < cfg.MinInstances || active > cfg.MaxInstances):
			t.Errorf("%s runs %d, outside %d-%d", p.Name, active, cfg.MinInstances, cfg.MaxInstances)
		case cfg.MaxInstances > 0 && active == cfg.MaxInstances:
			atMax++
		case cfg.MaxInstances == 0:
			static++
			if active != cfg.TargetNumberInstances {
				t.Errorf("%s runs %d of its %d", p.Name, active, cfg.TargetNumberInstances)
			}
		}
		if p.DropletTemplate.UserData != DemoUserData || p.DropletTemplate.Region == "" {
			t.Errorf("%s: template %+v", p.Name, p.DropletTemplate)
		}
	}
	if atMax != 1 || static != 1 {
		t.Errorf("%d pools at their maximum and %d static; want one each", atMax, static)
	}
}
