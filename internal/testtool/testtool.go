// Package testtool holds what tests of several packages and of the e2e
// module share: the programs that end-to-end tests run (Debian's promtool,
// prometheus, Alertmanager, chromium), found by one rule for all of them;
// what Prometheus sends; the fake API on a loopback port, and bounded waits.
// Importing it keeps the test binary's HTTP clients on loopback (testnet).
package testtool

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	_ "github.com/digitalocean-exporter/digitalocean_exporter/internal/testnet" // tests dial loopback only
)

// PrometheusAccept is the Accept header Prometheus 3 scrapes with.
const PrometheusAccept = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5," +
	"text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2"

// InCI tells whether the tests run in CI, where a missing tool is a
// failure. CI systems set CI to true (GitHub Actions, GitLab, CircleCI,
// Travis), True (Azure Pipelines), 1 or yes; empty, 0, false and no mean
// not in CI.
func InCI() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv("CI"))) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// Find returns the path of program. Without it the test fails in CI and is
// skipped elsewhere, saying so: a skipped check never reports PASS.
func Find(t testing.TB, program, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err == nil {
		return path
	}
	if InCI() {
		t.Fatalf("%s is not installed (Debian package %s); .ci/run installs it", program, debianPackage)
	}
	t.Skipf("%s is not installed (Debian package %s); skipping", program, debianPackage)
	return ""
}
