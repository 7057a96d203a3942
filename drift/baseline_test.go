package drift

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

// handWritten is the README's example.
const handWritten = `
workloads:
  - kind: droplets
    name: web-nyc1-01
    size: s-1vcpu-2gb
    region: nyc1
    tags: [web, production]
  - kind: databases
    id: 9daf34e4-8b36-43e8-bd78-7ab87bfa8514
    version: "16"
  - kind: droplets
    account: staging
    id: 410000001
    tags: []
`

func TestParseHandWrittenYAML(t *testing.T) {
	b, err := ParseBaseline([]byte(handWritten))
	if err != nil {
		t.Fatal(err)
	}
	want := &Baseline{
		Kinds: []string{"droplets", "databases"},
		Entries: []Entry{
			{Kind: "droplets", Name: "web-nyc1-01", Size: "s-1vcpu-2gb", Region: "nyc1", Tags: []string{"production", "web"}},
			{Kind: "databases", ID: "9daf34e4-8b36-43e8-bd78-7ab87bfa8514", Version: "16"},
			{Kind: "droplets", Account: "staging", ID: "410000001", Tags: []string{}},
		},
	}
	if !reflect.DeepEqual(b, want) {
		t.Errorf("\n got %+v\nwant %+v", b, want)
	}
	if b.Entries[0].declares(fieldNamed("version")) || !b.Entries[2].declares(fieldNamed("tags")) ||
		b.Entries[1].declares(fieldNamed("tags")) {
		t.Error("declares: an empty field is not declared, an empty tag list is")
	}
}

func TestParseKindsDeclaredEmpty(t *testing.T) {
	b, err := ParseBaseline([]byte("kinds: [apps, droplets]\n"))
	if err != nil || !reflect.DeepEqual(b.Kinds, []string{"droplets", "apps"}) || len(b.Entries) != 0 {
		t.Errorf("got %+v, %v; want droplets and apps judged, no entries", b, err)
	}
}

// The exporter's own inventory is a baseline with no drift from itself,
// and it judges the kinds it had listed, even an empty one.
func TestInventoryOutputIsABaseline(t *testing.T) {
	s := snapshot("default", []inventory.Droplet{web1, web2}, []inventory.Cluster{prod},
		[]inventory.Database{orders}, nil)
	status := s.Status[inventory.KindApps]
	status.LastSuccess = listedAt
	s.Status[inventory.KindApps] = status
	rec := httptest.NewRecorder()
	web.NewPages(staticSource{s}, web.PagesConfig{}).Inventory().ServeHTTP(rec, httptest.NewRequest("GET", "/inventory", nil))

	b, err := ParseBaseline(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, rec.Body)
	}
	if listed := []string{"droplets", "kubernetes", "databases", "apps"}; !reflect.DeepEqual(b.Kinds, listed) || len(b.Entries) != 4 {
		t.Fatalf("kinds %v, %d entries; want the kinds the inventory listed, %v, and 4 entries", b.Kinds, len(b.Entries), listed)
	}
	if v := Evaluate(b, []*inventory.Snapshot{s}); len(v.Findings) != 0 || len(v.Judged) != 4 {
		t.Errorf("the inventory drifts from itself: %+v", v)
	}
	s = snapshot("default", []inventory.Droplet{web1, web2}, []inventory.Cluster{prod},
		[]inventory.Database{orders}, []inventory.App{shop})
	if v := Evaluate(b, []*inventory.Snapshot{s}); len(v.Findings) != 1 || v.Findings[0].State != Unexpected {
		t.Errorf("an app where the inventory had none: %+v, want it unexpected", v.Findings)
	}
}

type staticSource []*inventory.Snapshot

func (s staticSource) Snapshots() []*inventory.Snapshot { return s }

func TestParseErrorsNameEntryAndField(t *testing.T) {
	for _, tc := range []struct {
		name, baseline string
		want           []string
	}{
		{"unknown entry field", "workloads:\n  - kind: droplets\n    name: a\n  - kind: droplets\n    name: b\n    sizee: x\n",
			[]string{"workloads[1]", "line 4", `unknown field "sizee"`}},
		{"unknown top field", "workload:\n  - kind: droplets\n", []string{"field workload not found"}},
		{"unknown kind", "workloads:\n  - kind: droplet\n    name: a\n", []string{"workloads[0]", `kind: "droplet" is not one of droplets, kubernetes, databases, apps`}},
		{"no kind", "workloads:\n  - name: a\n", []string{"workloads[0]", "kind:"}},
		{"neither id nor name", "workloads:\n  - kind: apps\n    region: nyc\n", []string{"workloads[0]", "id, name"}},
		{"field the kind lacks", "workloads:\n  - kind: droplets\n    name: a\n    version: '16'\n",
			[]string{"workloads[0]", "version: droplets have no version"}},
		{"tags on an app", "workloads:\n  - kind: apps\n    name: a\n    tags: [x]\n", []string{"workloads[0]", "tags: apps have no tags"}},
		{"entry not a mapping", "workloads:\n  - droplets\n", []string{"workloads[0]", "not a mapping"}},
		{"wrong type", "workloads:\n  - kind: droplets\n    name: a\n    tags: web\n", []string{"workloads[0]", "cannot unmarshal"}},
		{"unknown declared kind", "kinds: [droplet]\n", []string{"kinds[0]", `"droplet"`}},
		{"empty", "", []string{"judge nothing"}},
		{"not YAML", "workloads: [\n", []string{"YAML"}},
		{"bad JSON", `{"workloads": [{"kind": "droplets", "id": 1}]}`, []string{"JSON", "id"}},
		{"bad JSON row", `{"workloads": [{"kind": "droplets"}]}`, []string{"workloads[0]", "id, name"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseBaseline([]byte(tc.baseline))
			if err == nil {
				t.Fatal("parsed without error")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
		})
	}
}
