package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// There is no Docker engine here, so TestDockerfileBuildStep runs the
// Dockerfile's build step as Docker would: in a copy of the build context
// (what .dockerignore leaves, no .git), under sh, each ARG in the
// environment when given with --build-arg, and not otherwise (or empty:
// either way, the Makefile's default applies).
func TestDockerfileBuildStep(t *testing.T) {
	t.Parallel()
	args, step := dockerfileBuild(t)
	for _, stamp := range []string{"VERSION", "REVISION", "BRANCH", "BUILD_USER", "BUILD_DATE"} {
		if !slices.Contains(args, stamp) {
			t.Errorf("the Dockerfile has no ARG %s", stamp)
		}
	}
	context := dockerContext(t)
	out := filepath.Join(context, "out")
	step = strings.ReplaceAll(step, "/out/", out+"/")

	runStep := func(buildArgs map[string]string) string {
		t.Helper()
		cmd := exec.Command("sh", "-c", step)
		cmd.Dir = context
		cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
			name, _, _ := strings.Cut(kv, "=")
			return slices.Contains(args, name)
		})
		for name, value := range buildArgs {
			cmd.Env = append(cmd.Env, name+"="+value)
		}
		if output, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("RUN %s: %v\n%s", step, err, output)
		}
		version, err := exec.Command(filepath.Join(out, "digitalocean_exporter"), "--version").CombinedOutput()
		if err != nil {
			t.Fatal(err)
		}
		return string(version)
	}

	// docker build --build-arg VERSION=... for every stamp: the stamps.
	stamped := runStep(testStamps)
	for _, stamp := range testStamps {
		if !strings.Contains(stamped, stamp) {
			t.Errorf("built with --build-arg %s, --version says:\n%s", stamp, stamped)
		}
	}
	// A plain docker build: the VERSION file, and an honest "unknown".
	version := strings.TrimSpace(string(readRepoFile(t, "VERSION")))
	empty := map[string]string{}
	for _, name := range args {
		empty[name] = ""
	}
	for _, buildArgs := range []map[string]string{nil, empty} {
		if plain := runStep(buildArgs); !strings.HasPrefix(plain, "digitalocean_exporter, version "+version+" (branch: unknown, revision: unknown)") {
			t.Errorf("built with build arguments %v, --version says:\n%s", buildArgs, plain)
		}
	}
}

// dockerfileBuild reads the names of the Dockerfile's ARGs, which must
// have no default (the Makefile has them), and its `RUN make build` step.
func dockerfileBuild(t *testing.T) ([]string, string) {
	t.Helper()
	text := strings.ReplaceAll(string(readRepoFile(t, "Dockerfile")), "\\\n", " ")
	var args []string
	var step string
	for _, line := range strings.Split(text, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "ARG "); ok {
			if !regexp.MustCompile(`^\w+$`).MatchString(name) {
				t.Errorf("ARG %s: want a name alone; the Makefile gives the defaults", name)
			}
			args = append(args, name)
		}
		if rest, ok := strings.CutPrefix(line, "RUN make build"); ok {
			step = "make build" + rest
		}
	}
	if step == "" {
		t.Fatal("the Dockerfile has no `RUN make build` step: does it still build with the Makefile's stamps?")
	}
	return args, step
}

// dockerContext copies the repository's files but those .dockerignore
// leaves out, and .git, to a temporary folder.
func dockerContext(t *testing.T) string {
	t.Helper()
	var ignored []string
	for _, line := range strings.Split(string(readRepoFile(t, ".dockerignore")), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			ignored = append(ignored, strings.TrimPrefix(line, "**/"))
		}
	}
	files := strings.Fields(run(t, repoRoot, "git", "git", "ls-files", "--cached", "--others", "--exclude-standard"))
	context := t.TempDir()
	for _, file := range files {
		if isIgnored(file, ignored) {
			continue
		}
		data, err := os.ReadFile(inRepo(file))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(context, file)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return context
}

// isIgnored: a folder of file is one .dockerignore names (its patterns
// are all folder names, **/ stripped).
func isIgnored(file string, patterns []string) bool {
	folders := strings.Split(file, "/")
	for _, folder := range folders[:len(folders)-1] {
		if slices.Contains(patterns, folder) {
			return true
		}
	}
	return false
}
