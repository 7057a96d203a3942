// Package e2e tests the exporter as it is shipped and used: the binary run
// as a process against the fake API, with Debian's Prometheus, promtool,
// Alertmanager and Chromium; its Helm chart, its Debian package and its
// stamped release build. It is a module of its own, so that the libraries
// of Helm, Kubernetes, Chromium's protocol and Grafana's schema never reach
// the exporter's build. Run it from this folder: go test -race -count=1 ./...
package e2e

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// repoRoot is the exporter's repository, the parent of this module.
const repoRoot = ".."

// inRepo is a path of the repository, relative to it.
func inRepo(path string) string { return filepath.Join(repoRoot, path) }

// buildDir holds what the tests build once per run: the exporter.
var buildDir string

// TestMain makes the directory the exporter is built into at its first use
// (exporterBinary), and removes it at the end. Most tests here wait on
// processes rather than compute, so unless -parallel is given they run two
// at a time per CPU, not one.
func TestMain(m *testing.M) {
	flag.Parse()
	if !flagGiven("test.parallel") {
		flag.Set("test.parallel", strconv.Itoa(2*runtime.GOMAXPROCS(0)))
	}
	dir, err := os.MkdirTemp("", "digitalocean_exporter-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func flagGiven(name string) bool {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// buildOnce builds the exporter with go build, with the race detector
// when the tests run with it, so that a race in the exporter fails them.
var buildOnce = sync.OnceValues(func() (string, error) {
	binary := filepath.Join(buildDir, "digitalocean_exporter")
	args := []string{"build", "-o", binary}
	if raceEnabled {
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, ".")...)
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return binary, nil
})

// exporterBinary is the exporter of this repository, built once per run.
func exporterBinary(t testing.TB) string {
	t.Helper()
	binary, err := buildOnce()
	if err != nil {
		t.Fatal(err)
	}
	return binary
}

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
