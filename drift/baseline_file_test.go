package drift

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-kit/log"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testlog"
)

func writeFile(t *testing.T, path, content string, modTime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	// An explicit time, so that two writes within the clock's resolution still differ.
	if err := os.Chtimes(path, modTime, modTime); err != nil {
		t.Fatal(err)
	}
}

func TestBaselineFileReloadsKeepingTheLastGoodOne(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baseline.yml")
	writeFile(t, path, "workloads:\n  - {kind: droplets, name: a}\n", listedAt)
	logs := &testlog.Buffer{}
	f, err := LoadBaselineFile(path, log.NewLogfmtLogger(logs))
	if err != nil {
		t.Fatal(err)
	}
	names := func() string {
		b, loaded := f.Current()
		var names []string
		for _, e := range b.Entries {
			names = append(names, e.Name)
		}
		return strings.Join(names, ",") + map[bool]string{true: " loaded", false: " kept"}[loaded]
	}
	for _, step := range []struct {
		name, content, want, log string
	}{
		{"unchanged", "", "a loaded", ""},
		{"changed", "workloads:\n  - {kind: droplets, name: a}\n  - {kind: droplets, name: b}\n", "a,b loaded",
			`level=info component=drift baseline_file=` + path + ` msg="baseline reloaded" workloads=2 kinds=droplets`},
		{"malformed", "workloads:\n  - {kind: droplets, nme: c}\n", "a,b kept",
			`level=error component=drift baseline_file=` + path + ` msg="the baseline file changed but does not load; keeping the previous baseline" err="baseline file \"` + path + `\": workloads[0] (line 2): unknown field \"nme\"`},
		{"still malformed: logged once", "", "a,b kept", ""},
		{"fixed", "workloads:\n  - {kind: droplets, name: c}\n", "c loaded", `msg="baseline reloaded" workloads=1`},
	} {
		logged := len(logs.String())
		if step.content != "" {
			writeFile(t, path, step.content, listedAt.Add(time.Duration(len(step.name))*time.Second))
		}
		if got := names(); got != step.want {
			t.Errorf("%s: baseline %s, want %s", step.name, got, step.want)
		}
		if got := logs.String()[logged:]; !strings.Contains(got, step.log) || (step.log == "") != (got == "") {
			t.Errorf("%s: log %q, want %q", step.name, got, step.log)
		}
	}
}

func TestBaselineFileErrorsAtStartNameTheFile(t *testing.T) {
	dir := t.TempDir()
	malformed := filepath.Join(dir, "baseline.yml")
	writeFile(t, malformed, "workloads:\n  - {kind: droplet, name: a}\n", listedAt)
	for path, want := range map[string]string{
		malformed:                     `baseline file "` + malformed + `": workloads[0] (line 2): kind: "droplet"`,
		filepath.Join(dir, "missing"): "baseline file: open " + filepath.Join(dir, "missing") + ": no such file",
	} {
		if _, err := LoadBaselineFile(path, log.NewNopLogger()); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want it to say %q", err, want)
		}
	}
}
