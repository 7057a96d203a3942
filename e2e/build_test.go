package e2e

import (
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// testStamps are what a release stamps into a build, as Makefile variables.
var testStamps = map[string]string{
	"VERSION":    "9.8.7-rc.1",
	"REVISION":   "0123456789abcdef0123456789abcdef01234567",
	"BRANCH":     "release-9.8",
	"BUILD_USER": "releaser@builder",
	"BUILD_DATE": "20260102-03:04:05",
}

func stampVars() []string {
	var vars []string
	for name, value := range testStamps {
		vars = append(vars, name+"="+value)
	}
	slices.Sort(vars)
	return vars
}

// TestStampedBuild builds the exporter as a release does (make build: the
// Makefile's LDFLAGS, CGO_ENABLED=0) with stamps of its own, and finds
// them in --version and in digitalocean_exporter_build_info.
func TestStampedBuild(t *testing.T) {
	t.Parallel()
	binary, err := filepath.Abs(filepath.Join(t.TempDir(), "digitalocean_exporter"))
	if err != nil {
		t.Fatal(err)
	}
	makeTarget(t, "build", append(stampVars(), "BINARY="+binary)...)
	checkReleaseBinary(t, binary, runtime.GOOS, runtime.GOARCH)
	metrics := scrapeDemo(t, binary)
	line := regexp.MustCompile(`(?m)^digitalocean_exporter_build_info\{.*\} 1$`).FindString(metrics)
	for label, stamp := range map[string]string{"version": "VERSION", "revision": "REVISION", "branch": "BRANCH"} {
		if want := fmt.Sprintf(`%s="%s"`, label, testStamps[stamp]); !strings.Contains(line, want) {
			t.Errorf("digitalocean_exporter_build_info lacks %s: %q", want, line)
		}
	}
}

// checkVersionOutput runs binary --version: the program's name, then every stamp.
func checkVersionOutput(t *testing.T, binary string) {
	t.Helper()
	out, err := exec.Command(binary, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", binary, err, out)
	}
	want := fmt.Sprintf("digitalocean_exporter, version %s (branch: %s, revision: %s)",
		testStamps["VERSION"], testStamps["BRANCH"], testStamps["REVISION"])
	if !strings.HasPrefix(string(out), want) {
		t.Errorf("--version says %q, want it to start with %q", out, want)
	}
	for _, stamp := range []string{"BUILD_USER", "BUILD_DATE"} {
		if !strings.Contains(string(out), testStamps[stamp]) {
			t.Errorf("--version does not say the %s %s:\n%s", stamp, testStamps[stamp], out)
		}
	}
}

// scrapeDemo runs binary --demo on a free loopback port and returns its
// metrics once it is ready; the process is stopped when the test ends.
func scrapeDemo(t *testing.T, binary string) string {
	t.Helper()
	e := launchExporter(t, binary, nil, "--demo")
	e.waitFor(t, "/-/ready", http.StatusOK)
	return e.raw(t, "/metrics")
}
