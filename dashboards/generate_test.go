package dashboards

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the dashboards' JSON files from their specs")

func specs() []spec {
	return []spec{
		fleetOverview(), dropletsDashboard(), kubernetesDashboard(), databasesDashboard(), appsDashboard(),
		securityPostureDashboard(), exporterHealthDashboard(), storageDashboard(), costDashboard(),
		operationsDashboard(),
	}
}

func render(t *testing.T, s spec) []byte {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // PromQL's < and > stay readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(build(s)); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestFilesAreGenerated keeps the JSON files and their specs together: run
// with -update after changing a spec, and read the diff.
func TestFilesAreGenerated(t *testing.T) {
	want := map[string]bool{}
	for _, s := range specs() {
		want[s.file] = true
		got := render(t, s)
		if *update {
			if err := os.WriteFile(s.file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		file, err := os.ReadFile(s.file)
		if err != nil {
			t.Fatalf("%v (run go test ./dashboards -update)", err)
		}
		if !bytes.Equal(file, got) {
			t.Errorf("%s differs from its spec; run go test ./dashboards -update and read the diff", s.file)
		}
	}
	files, _ := fs.Glob(os.DirFS("."), "*.json")
	for _, f := range files {
		if !want[f] {
			t.Errorf("%s has no spec", f)
		}
	}
}
