package inventory

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// KindAlertPolicies are DigitalOcean Monitoring's alert policies.
const KindAlertPolicies = "alertpolicies"

// AlertPolicy is one alert policy: a metric of the Droplets it names, or
// carry its tags, compared with a threshold. Where it sends its alerts
// (e-mail addresses, Slack webhook URLs, which are credentials) is never
// decoded.
type AlertPolicy struct {
	UUID        string
	Type        string // the metric: v1/insights/droplet/cpu, ...
	Description string
	Enabled     bool
	Entities    []string // the IDs of the objects it watches
	Tags        []string // it watches the objects that carry any of these
}

// dropletPolicy is the prefix of the types of the policies that watch Droplets.
const dropletPolicy = "v1/insights/droplet/"

// DropletWatchers counts the policies that watch each Droplet: enabled,
// of a Droplet metric, naming the Droplet or one of its tags. Built once
// for a list of policies, it answers for many Droplets without going
// through every policy for each.
type DropletWatchers struct {
	byID, byTag map[string][]int // the indexes of the policies naming each
}

// NewDropletWatchers indexes the policies that watch Droplets.
func NewDropletWatchers(policies []AlertPolicy) DropletWatchers {
	w := DropletWatchers{byID: map[string][]int{}, byTag: map[string][]int{}}
	for i, p := range policies {
		if !p.Enabled || !strings.HasPrefix(p.Type, dropletPolicy) {
			continue
		}
		for _, id := range p.Entities {
			w.byID[id] = append(w.byID[id], i)
		}
		for _, t := range p.Tags {
			w.byTag[t] = append(w.byTag[t], i)
		}
	}
	return w
}

// Count is how many policies watch d, each counted once however many of
// its names and tags match.
func (w DropletWatchers) Count(d *Droplet) int {
	watching := slices.Clone(w.byID[strconv.Itoa(d.ID)])
	for _, t := range d.Tags {
		watching = append(watching, w.byTag[t]...)
	}
	slices.Sort(watching)
	return len(slices.Compact(watching))
}

// AlertPolicies lists the account's alert policies.
var AlertPolicies = newList(listSpec[[]alertPolicyWire, AlertPolicy]{
	Name: KindAlertPolicies, Label: "Alert policies", Scope: "monitoring:read",
	Fetch: pagedRaw[alertPolicyWire]("alert policies", "v2/monitoring/alerts", "policies"),
	Map:   eachValue(mapAlertPolicy),
})

// alertPolicyWire is the part of a policy we read. godo's AlertPolicy
// would decode its alerts: e-mail addresses and Slack webhook URLs.
type alertPolicyWire struct {
	UUID        string       `json:"uuid"`
	Type        string       `json:"type"`
	Description string       `json:"description"`
	Enabled     bool         `json:"enabled"`
	Entities    []flexibleID `json:"entities"`
	Tags        []string     `json:"tags"`
}

// flexibleID is an ID the API writes as a string or, in its own example
// of alert policies, as a number.
type flexibleID string

func (id *flexibleID) UnmarshalJSON(b []byte) error {
	var v any = (*string)(id)
	if !bytes.HasPrefix(b, []byte(`"`)) {
		v = (*json.Number)(id)
	}
	return json.Unmarshal(b, v)
}

func mapAlertPolicy(p *alertPolicyWire) AlertPolicy {
	entities := make([]string, len(p.Entities))
	for i, e := range p.Entities {
		entities[i] = string(e)
	}
	return AlertPolicy{UUID: p.UUID, Type: p.Type, Description: p.Description, Enabled: p.Enabled,
		Entities: entities, Tags: sortedTags(p.Tags)}
}
