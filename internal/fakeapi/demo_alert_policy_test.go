package fakeapi

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/digitalocean/godo"
)

// TestDemoAlertPolicies reads the demo's policies with godo: they send
// alerts to a Slack webhook, as real ones do, and watch Droplets the
// account lists, by ID or by a tag some carry.
func TestDemoAlertPolicies(t *testing.T) {
	demo := Demo()
	a := readWithGodo(t, demo)
	c := newGodo(t, newTestServer(t, demo))
	policies, _, err := c.Monitoring.ListAlertPolicies(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(policies) != len(alertPolicyPlans) {
		t.Fatalf("%d policies (%v), want %d", len(policies), err, len(alertPolicyPlans))
	}
	droplets, tags := dropletsByID(a), map[string]bool{}
	for _, d := range droplets {
		for _, tag := range d.Tags {
			tags[tag] = true
		}
	}
	for _, p := range policies {
		if len(p.Alerts.Slack) != 1 || p.Alerts.Slack[0].URL != DemoSlackWebhook || !strings.HasPrefix(p.Type, "v1/insights/droplet/") {
			t.Errorf("%s: %+v", p.Description, p)
		}
		for _, tag := range p.Tags {
			if !tags[tag] {
				t.Errorf("%s watches tag %s, which no droplet carries", p.Description, tag)
			}
		}
		for _, e := range p.Entities {
			if id, _ := strconv.Atoi(e); droplets[id] == nil {
				t.Errorf("%s watches %s, no droplet of the demo", p.Description, e)
			}
		}
	}
}
