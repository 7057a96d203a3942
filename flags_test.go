package main

import (
	"io"
	"testing"
)

// TestDemoTurnsOnEveryCollector: --demo shows the collectors that are off
// by default (they cost requests on a real account, not on the fake one),
// unless the command line turns them off.
func TestDemoTurnsOnEveryCollector(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		uptime bool
	}{
		{nil, false},
		{[]string{"--collector.uptime"}, true},
		{[]string{"--demo"}, true},
		{[]string{"--demo", "--no-collector.uptime"}, false},
	} {
		opts, err := parseFlags(tc.args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if got := opts.enabled("uptime"); got != tc.uptime {
			t.Errorf("%v: uptime collector enabled %v, want %v", tc.args, got, tc.uptime)
		}
		if !opts.enabled("droplets") {
			t.Errorf("%v: the droplets collector is off", tc.args)
		}
	}
}
