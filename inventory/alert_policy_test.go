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
	if !p.WatchesDroplet(&Droplet{ID: 192018292}) || !p.WatchesDroplet(&Droplet{ID: 1, Tags: []string{"production_droplets"}}) ||
		p.WatchesDroplet(&Droplet{ID: 1, Tags: []string{"staging"}}) {
		t.Error("the policy does not watch what it names")
	}
}
