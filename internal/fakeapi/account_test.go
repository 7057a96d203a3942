package fakeapi

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestExampleFileIsTheSharedFile(t *testing.T) {
	names, err := filepath.Glob("examples/*.json")
	if err != nil || len(names) < 20 {
		t.Fatalf("%d example files (%v)", len(names), err)
	}
	for _, path := range names {
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := ExampleFile(filepath.Base(path)); !bytes.Equal(got, want) {
			t.Errorf("%s: embedded copy differs", path)
		}
	}
	if ExampleFile("no_such_file.json") != nil {
		t.Error("an unknown file has content")
	}
}

// TestExamplesAreTheFilesObjects: ids stay exact and nothing is added.
func TestExamplesAreTheFilesObjects(t *testing.T) {
	a := Examples()
	type example struct {
		file, key string
		objects   []map[string]any
	}
	examples := []example{{"account.json", "account", []map[string]any{a.Info}}}
	single := map[string]bool{"account.json": true} // files of one object, which Examples holds as a list of one
	for _, l := range lists {
		if l.object {
			single[l.example] = true
		}
		switch {
		case l.example == "":
		case l.parent == "":
			examples = append(examples, example{l.example, l.key, a.Lists[l.name]})
		default:
			parent := a.Lists[l.parent][0]
			examples = append(examples, example{l.example, l.key, a.ByID[l.name][l.idOfParent(parent)]})
		}
	}
	// The example files hold no backups or replicas of a database: the
	// fake makes those from scratch.
	if withoutExample := []string{DatabaseBackups, DatabaseReplicas}; len(examples) < len(lists)-len(withoutExample)+1 {
		t.Fatalf("%d examples for %d lists, %d of which have none", len(examples), len(lists), len(withoutExample))
	}
	for _, tc := range examples {
		var file map[string]json.RawMessage
		json.Unmarshal(ExampleFile(tc.file), &file)
		want := file[tc.key]
		switch {
		case tc.key == "": // the body is the one object
			want = append(append([]byte("["), ExampleFile(tc.file)...), ']')
		case single[tc.file]:
			want = append(append([]byte("["), want...), ']')
		}
		if !sameJSON(t, tc.objects, want) {
			t.Errorf("%s: Examples differ from the file", tc.file)
		}
	}
	if id := a.Lists[Droplets][0]["id"]; id != json.Number("3164444") {
		t.Errorf("droplet id %#v, want json.Number 3164444", id)
	}
	if len(a.ByID[DatabaseFirewalls]) != 1 || len(a.ByID[KubernetesUpgrades]) != 1 {
		t.Errorf("rules for %d databases and upgrades for %d clusters, want the example's one each",
			len(a.ByID[DatabaseFirewalls]), len(a.ByID[KubernetesUpgrades]))
	}
}

// The ids of the example database and cluster.
const (
	exampleDatabase = "9cc10173-e9ea-4176-9dbc-a4cee4c4ff30"
	exampleCluster  = "bd5f5959-5e1e-4205-a714-a914373942af"
)

// sameJSON compares values after a round trip, ignoring layout and key order.
func sameJSON(t *testing.T, v any, raw []byte) bool {
	t.Helper()
	a, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x, y any
	if decode(a, &x) != nil || decode(raw, &y) != nil {
		t.Fatal("undecodable JSON")
	}
	b1, _ := json.Marshal(x)
	b2, _ := json.Marshal(y)
	return bytes.Equal(b1, b2)
}
