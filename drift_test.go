package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBadDriftFlagsStopTheStart(t *testing.T) {
	malformed := filepath.Join(t.TempDir(), "baseline.yml")
	os.WriteFile(malformed, []byte("workloads:\n  - {kind: droplet, name: web-nyc1-01}\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo", "--drift.baseline-file=" + malformed}, `workloads[0] (line 2): kind: \"droplet\" is not one of`},
		{[]string{"--demo", "--drift.baseline-file=" + malformed + ".missing"}, malformed + ".missing"},
		{[]string{"--demo.change-interval=1m"}, "--demo.change-interval=1m0s: give --demo"},
		{[]string{"--demo", "--demo.change-interval=-1s"}, "--demo.change-interval=-1s"},
	} {
		if code, logs := runToExit(t, nil, tc.args...); code != 1 || !strings.Contains(logs, tc.want) {
			t.Errorf("%v: exit %d, log:\n%s\nwant exit 1 and %q", tc.args, code, logs, tc.want)
		}
	}
}
