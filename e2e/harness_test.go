// Package e2e tests the exporter as it is shipped: its Helm chart, its
// Debian package and its stamped release build. It is a module of its own,
// so that Helm's and Kubernetes' libraries never reach the exporter's build.
// Run it from this folder: go test -race -count=1 ./...
package e2e

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// repoRoot is the exporter's repository, the parent of this module.
const repoRoot = ".."

// inRepo is a path of the repository, relative to it.
func inRepo(path string) string { return filepath.Join(repoRoot, path) }

// run runs a program found with testtool.Find (missing: skipped here,
// failed in CI) in dir, and returns its standard output; it fails the
// test with everything the program said when it fails.
func run(t *testing.T, dir, program, debianPackage string, args ...string) string {
	t.Helper()
	cmd := exec.Command(testtool.Find(t, program, debianPackage), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", program, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// makeTarget runs a target of the repository's Makefile, the way a
// release is built, with variables such as VERSION=1.2.3.
func makeTarget(t *testing.T, target string, vars ...string) string {
	t.Helper()
	return run(t, repoRoot, "make", "make", append([]string{"--no-print-directory", target}, vars...)...)
}
