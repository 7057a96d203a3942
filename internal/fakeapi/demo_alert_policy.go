package fakeapi

import "fmt"

// alertPolicyPlan is an alert policy of the demo: the metric it watches
// and the Droplets it names by role, or the tags it watches.
type alertPolicyPlan struct {
	description, metric string
	role                string   // names the droplets of this role, in the first rounds
	tags                []string // watches the droplets with these tags
	enabled             bool
}

// alertPolicyPlans watch the production Droplets and the bastions; the
// staging policy is disabled, so staging, the workers and the GPU
// Droplets are watched by none.
var alertPolicyPlans = []alertPolicyPlan{
	{"CPU above 80% on production", "v1/insights/droplet/cpu", "", []string{"production"}, true},
	{"Memory above 90% on the API", "v1/insights/droplet/memory_utilization_percent", "api", nil, true},
	{"Disk of a bastion above 85%", "v1/insights/droplet/disk_utilization_percent", "bastion", nil, true},
	{"Load on staging (paused)", "v1/insights/droplet/load_5", "", []string{"staging"}, false},
}

// DemoSlackWebhook is where the demo's alert policies send alerts: a Slack
// webhook URL, which is a credential, so tests look for it where it must
// never show.
const DemoSlackWebhook = "https://hooks.slack.com/services/T0DEMO/B0DEMO/demo-webhook-secret"

func (b builder) alertPolicy(i int) map[string]any {
	p := alertPolicyPlans[i%len(alertPolicyPlans)]
	o := cloneObject(b.template(AlertPolicies, 0))
	o["uuid"], o["description"], o["type"], o["enabled"] = fakeUUID("alert policy", i), p.description, p.metric, p.enabled
	entities := []string{}
	for _, id := range b.roleDroplets(p.role, 0, 3) {
		entities = append(entities, fmt.Sprint(id))
	}
	o["entities"], o["tags"] = entities, append([]string{}, p.tags...)
	o["compare"], o["value"], o["window"] = "GreaterThan", 80, "5m"
	o["alerts"] = map[string]any{
		"email": []string{"oncall@example.com"},
		"slack": []any{map[string]any{"channel": "#production-alerts", "url": DemoSlackWebhook}},
	}
	return o
}
