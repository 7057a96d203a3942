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

// TestPageRequestLimit: the pages have a limit of their own, apart from
// the scrapes'.
func TestPageRequestLimit(t *testing.T) {
	for _, tc := range []struct {
		args          []string
		pages, scrape int
	}{
		{nil, 20, 40},
		{[]string{"--web.max-page-requests=3"}, 3, 40},
		{[]string{"--web.max-page-requests=0", "--web.max-requests=5"}, 0, 5},
	} {
		opts, err := parseFlags(tc.args, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if opts.maxPageRequests != tc.pages || opts.maxRequests != tc.scrape {
			t.Errorf("%v: %d page and %d scrape requests at once, want %d and %d", tc.args, opts.maxPageRequests,
				opts.maxRequests, tc.pages, tc.scrape)
		}
	}
}
