package inventory

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestMapAlertPoliciesFromExamples: the example writes its entities as
// numbers, which are read as the IDs they are; its Slack webhook URL and
// e-mail address are never decoded.
func TestMapAlertPoliciesFromExamples(t *testing.T) {
	var body struct{ Policies []alertPolicyWire }
	decodeExample(t, "monitoring_alert_policies.json", &body)
	got := eachValue(mapAlertPolicy)(body.Policies)
	if len(got) != 1 {
		t.Fatalf("%d policies, want the example's one", len(got))
	}
	p := got[0]
	if p.UUID != "78b3da62-27e5-49ba-ac70-5db0b5935c64" || p.Type != "v1/insights/droplet/cpu" || p.Description != "CPU Alert" ||
		!p.Enabled || !slices.Equal(p.Entities, []string{"192018292"}) || !slices.Equal(p.Tags, []string{"production_droplets"}) {
		t.Errorf("policy: %+v", p)
	}
	for _, secret := range []string{"hooks.slack.com", "bob@example.com"} {
		if strings.Contains(fmt.Sprintf("%#v %#v", body.Policies, got), secret) {
			t.Errorf("%s was decoded", secret)
		}
	}
	watchers := NewDropletWatchers(got)
	if watchers.Count(&Droplet{ID: 192018292}) != 1 || watchers.Count(&Droplet{ID: 1, Tags: []string{"production_droplets"}}) != 1 ||
		watchers.Count(&Droplet{ID: 1, Tags: []string{"staging"}}) != 0 {
		t.Error("the policy does not watch what it names")
	}
}

// TestDropletWatchersCountEachPolicyOnce: a policy that names a Droplet
// and its tags counts once; a disabled one, or one of another metric
// type, not at all.
func TestDropletWatchersCountEachPolicyOnce(t *testing.T) {
	policies := []AlertPolicy{
		{Type: "v1/insights/droplet/cpu", Enabled: true, Entities: []string{"7"}, Tags: []string{"web", "prod"}},
		{Type: "v1/insights/droplet/memory_utilization_percent", Enabled: true, Tags: []string{"prod"}},
		{Type: "v1/insights/droplet/cpu", Enabled: false, Entities: []string{"7"}},
		{Type: "v1/insights/lbaas/avg_cpu_utilization_percent", Enabled: true, Entities: []string{"7"}, Tags: []string{"web"}},
	}
	w := NewDropletWatchers(policies)
	for _, c := range []struct {
		droplet Droplet
		want    int
	}{
		{Droplet{ID: 7, Tags: []string{"web", "prod"}}, 2},
		{Droplet{ID: 7}, 1},
		{Droplet{ID: 8, Tags: []string{"prod"}}, 2},
		{Droplet{ID: 8, Tags: []string{"web"}}, 1},
		{Droplet{ID: 8, Tags: []string{"staging"}}, 0},
	} {
		if got := w.Count(&c.droplet); got != c.want {
			t.Errorf("Droplet %d %v: watched by %d policies, want %d", c.droplet.ID, c.droplet.Tags, got, c.want)
		}
	}
}
