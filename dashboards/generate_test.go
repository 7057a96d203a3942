package dashboards

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestFilesAreGenerated keeps the JSON files and their specs together:
// after changing a spec, run go generate ./dashboards and read the diff.
func TestFilesAreGenerated(t *testing.T) {
	dashboards, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, g := range dashboards {
		want[g.File] = true
		file, err := os.ReadFile(g.File)
		if err != nil {
			t.Fatalf("%v (run go generate ./dashboards)", err)
		}
		if !bytes.Equal(file, g.JSON) {
			t.Errorf("%s differs from its spec; run go generate ./dashboards and read the diff", g.File)
		}
	}
	files, _ := fs.Glob(os.DirFS("."), "*.json")
	for _, f := range files {
		if !want[f] {
			t.Errorf("%s has no spec", f)
		}
	}
}

// TestTheExporterDoesNotImportTheDashboards: the specs and their
// generator are code, but none of it may reach the binary.
func TestTheExporterDoesNotImportTheDashboards(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "..").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !strings.HasSuffix(deps[len(deps)-1], "digitalocean_exporter") {
		t.Fatalf("go list -deps .. lists %d packages, the last %q: not the exporter's", len(deps), deps[len(deps)-1])
	}
	for _, d := range deps {
		if strings.Contains(d, "/dashboards") {
			t.Errorf("the exporter imports %s", d)
		}
	}
}
