package e2e

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// testOnlyModules are what the tests need and the exporter must not: the
// browser's protocol, Grafana's schema, Helm's and Kubernetes' libraries.
var testOnlyModules = []string{
	"github.com/chromedp/",
	"github.com/grafana/grafana-foundation-sdk/",
	"helm.sh/",
	"k8s.io/",
	"sigs.k8s.io/",
	"github.com/prometheus-operator/",
}

func testOnly(path string) bool {
	for _, prefix := range testOnlyModules {
		if strings.HasPrefix(path+"/", prefix) {
			return true
		}
	}
	return false
}

// TestTestOnlyModulesStayOutOfTheExporter: the exporter's go.mod requires
// none of the modules only tests use, and its build (go list -deps of the
// program, without tests) holds none of their packages.
func TestTestOnlyModulesStayOutOfTheExporter(t *testing.T) {
	t.Parallel()
	out := goCommand(t, "mod", "edit", "-json")
	var mod struct{ Require []struct{ Path string } }
	if err := json.Unmarshal([]byte(out), &mod); err != nil {
		t.Fatal(err)
	}
	if len(mod.Require) == 0 {
		t.Fatal("go mod edit -json lists no requirement: is this the exporter's go.mod?")
	}
	for _, r := range mod.Require {
		if testOnly(r.Path) {
			t.Errorf("the exporter's go.mod requires %s, which only tests need", r.Path)
		}
	}
	deps := strings.Fields(goCommand(t, "list", "-deps", "."))
	if len(deps) < 100 {
		t.Fatalf("go list -deps gives %d packages", len(deps))
	}
	for _, pkg := range deps {
		if testOnly(pkg) {
			t.Errorf("the exporter's build holds %s, which only tests need", pkg)
		}
	}
}

// goCommand runs the go command in the exporter's module and returns its
// standard output.
func goCommand(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}
