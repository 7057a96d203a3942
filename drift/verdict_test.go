package drift

import (
	"reflect"
	"slices"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

func TestEvaluate(t *testing.T) {
	byName := func(name string) Entry { return Entry{Kind: "droplets", Name: name} }
	for _, tc := range []struct {
		name      string
		entries   []Entry
		snapshots []*inventory.Snapshot
		want      []Finding
	}{
		{"as expected, by name and by ID", []Entry{byName("web-nyc1-01"), {Kind: "droplets", ID: "2"}},
			[]*inventory.Snapshot{droplets("default", web1, web2)}, nil},
		{"unexpected", []Entry{byName("web-nyc1-01")},
			[]*inventory.Snapshot{droplets("default", web1, web2)},
			[]Finding{{Account: "default", Kind: "droplets", ID: "2", Name: "web-nyc1-02", State: Unexpected}}},
		{"missing, by name", []Entry{byName("web-nyc1-01"), byName("web-nyc1-03")},
			[]*inventory.Snapshot{droplets("default", web1)},
			[]Finding{{Account: "default", Kind: "droplets", Name: "web-nyc1-03", State: Missing}}},
		{"changed, one finding per field", []Entry{{Kind: "droplets", ID: "1", Size: "s-1vcpu-1gb", Region: "nyc1", Tags: []string{"web"}}},
			[]*inventory.Snapshot{droplets("default", web1)},
			[]Finding{
				{Account: "default", Kind: "droplets", ID: "1", Name: "web-nyc1-01", State: Changed, Field: "size"},
				{Account: "default", Kind: "droplets", ID: "1", Name: "web-nyc1-01", State: Changed, Field: "tags"},
			}},
		{"declared no tags", []Entry{{Kind: "droplets", ID: "1", Tags: []string{}}},
			[]*inventory.Snapshot{droplets("default", web1)},
			[]Finding{{Account: "default", Kind: "droplets", ID: "1", Name: "web-nyc1-01", State: Changed, Field: "tags"}}},
		{"version of a database", []Entry{{Kind: "databases", ID: "9daf34e4", Version: "15"}},
			[]*inventory.Snapshot{snapshot("default", nil, nil, []inventory.Database{orders}, nil)},
			[]Finding{{Account: "default", Kind: "databases", ID: "9daf34e4", Name: "orders-pg-01", State: Changed, Field: "version"}}},
		{"a kind the baseline does not name is not judged", []Entry{byName("web-nyc1-01")},
			[]*inventory.Snapshot{snapshot("default", []inventory.Droplet{web1}, []inventory.Cluster{prod}, nil, nil)}, nil},
		{"an unlisted kind has no verdict", []Entry{byName("web-nyc1-01")},
			[]*inventory.Snapshot{unlisted("default")}, nil},
		{"an entry of one account", []Entry{{Kind: "droplets", Account: "staging", ID: "1"}},
			[]*inventory.Snapshot{droplets("production", web1), droplets("staging")},
			[]Finding{
				{Account: "production", Kind: "droplets", ID: "1", Name: "web-nyc1-01", State: Unexpected},
				{Account: "staging", Kind: "droplets", ID: "1", State: Missing},
			}},
		{"an entry of any account, found in one", []Entry{byName("web-nyc1-01")},
			[]*inventory.Snapshot{droplets("production"), droplets("staging", web1)}, nil},
		{"an entry of any account, found in none", []Entry{byName("web-nyc1-01")},
			[]*inventory.Snapshot{droplets("production"), droplets("staging")},
			[]Finding{
				{Account: "production", Kind: "droplets", Name: "web-nyc1-01", State: Missing},
				{Account: "staging", Kind: "droplets", Name: "web-nyc1-01", State: Missing},
			}},
		{"one name, two droplets: both expected", []Entry{byName("web")},
			[]*inventory.Snapshot{droplets("default", with(web1, func(d *inventory.Droplet) { d.Name = "web" }),
				with(web2, func(d *inventory.Droplet) { d.Name = "web" }))}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &Baseline{Entries: tc.entries}
			for _, e := range tc.entries {
				b.Kinds = append(b.Kinds, e.Kind)
			}
			b.Kinds = inKindOrder(b.Kinds)
			if got := Evaluate(b, tc.snapshots).Findings; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestEvaluateSaysWhatItJudged(t *testing.T) {
	b := &Baseline{Kinds: []string{"droplets", "apps"}}
	partly := droplets("default", web1)
	delete(partly.Status, inventory.KindApps) // the apps collector is off
	v := Evaluate(b, []*inventory.Snapshot{partly, unlisted("other")})
	if want := []Scope{{"default", "droplets"}}; !slices.Equal(v.Judged, want) {
		t.Errorf("judged %v, want %v", v.Judged, want)
	}
}
