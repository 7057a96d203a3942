package e2e

import (
	"regexp"
	"strings"
	"testing"
)

// TestCIRunsTheREADMEsTestCommand: .ci/run's last command is the README's
// test command, word for word, run in its network namespace of loopback
// only, and it covers this module.
func TestCIRunsTheREADMEsTestCommand(t *testing.T) {
	t.Parallel()
	m := regexp.MustCompile("(?s)## Run the tests\n\n```sh\n([^\n]+)\n```").FindSubmatch(readRepoFile(t, "README.md"))
	if m == nil {
		t.Fatal("the README has no test command under \"## Run the tests\"")
	}
	readme := string(m[1])
	var last string
	for _, line := range strings.Split(string(readRepoFile(t, ".ci/run")), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			last = line
		}
	}
	if last != `"${sandbox[@]}" bash -c '`+readme+`'` {
		t.Errorf(".ci/run ends with\n\t%s\nnot the README's test command\n\t%s", last, readme)
	}
	if !strings.Contains(readme, "cd e2e && go test") {
		t.Errorf("the README's test command %q does not run the e2e module", readme)
	}
}

// TestCIStopsOnlyWhatItStarted: CI runs on shared machines, so neither
// .ci/run nor any script kills processes by name.
func TestCIStopsOnlyWhatItStarted(t *testing.T) {
	t.Parallel()
	byName := regexp.MustCompile(`(?m)^[^#]*\b(pkill|killall)\b`)
	for _, script := range []string{".ci/run", "packaging/check-deb.sh"} {
		if m := byName.Find(readRepoFile(t, script)); m != nil {
			t.Errorf("%s kills by name: %s", script, m)
		}
	}
}
