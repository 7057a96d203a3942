package main

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
	"github.com/digitalocean-exporter/digitalocean_exporter/posture"
)

// TestEveryCollectorHasAScope fails when a collector has no row in the
// scope table of docs/token.md, or its row does not name the read scope of
// a kind it reads: a user who ticks what the row says must get a token
// that lists everything the collector needs.
func TestEveryCollectorHasAScope(t *testing.T) {
	table := between(readDoc(t, "docs/token.md"), "| collector | scopes |", "\n\n")
	rows := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^\| ([a-z_, ]+?)(?: \([^)]*\))? \| (.*) \|$`).FindAllStringSubmatch(table, -1) {
		for _, name := range strings.Split(m[1], ", ") {
			rows[name] = m[2]
		}
	}
	for _, f := range collector.Factories {
		row, ok := rows[f.Name]
		if !ok {
			t.Errorf("collector %s has no row in the scope table of docs/token.md", f.Name)
			continue
		}
		for _, kind := range f.Kinds {
			for _, scope := range scopesOf(inventory.KindNamed(kind)) {
				if !strings.Contains(row, "`"+scope+"`") {
					t.Errorf("collector %s reads %s, which needs %s; its row in docs/token.md does not say so", f.Name, kind, scope)
				}
			}
		}
	}
}

// scopesOf are the scopes reading k takes: its own, and those of the kind
// it is read for, but the account's, which every token needs (the table's
// first row).
func scopesOf(k *inventory.Kind) []string {
	scopes := regexp.MustCompile(`,\s*| and `).Split(k.Scope(), -1)
	if parent := inventory.KindNamed(k.Parent()); parent != nil && parent.Name() != inventory.KindAccount {
		scopes = append(scopes, scopesOf(parent)...)
	}
	return scopes
}

// TestEveryFlagIsDocumented fails when a flag of the binary is not in the
// flag table of docs/configuration.md; the collectors' flags are one row,
// --[no-]collector.NAME, that names each collector.
func TestEveryFlagIsDocumented(t *testing.T) {
	page := readDoc(t, "docs/configuration.md")
	flagRow := regexp.MustCompile("(?m)^\\| `--\\[no-\\]collector\\.NAME` \\|.*$").FindString(page)
	if flagRow == "" {
		t.Error("docs/configuration.md has no row for --[no-]collector.NAME")
	}
	app, _, _ := newFlags(io.Discard)
	flags := app.Model().Flags
	if len(flags) < 20 {
		t.Fatalf("only %d flags; is newFlags complete?", len(flags))
	}
	for _, f := range flags {
		if f.Hidden { // kingpin's own: --help-long, --completion-bash...
			continue
		}
		if name, ok := strings.CutPrefix(f.Name, "collector."); ok {
			if !strings.Contains(flagRow, "`"+name+"`") {
				t.Errorf("--collector.%s is not named in the --[no-]collector.NAME row of docs/configuration.md", name)
			}
			continue
		}
		if !regexp.MustCompile("(?m)^\\| (?:`-[a-z]`, )?`--" + regexp.QuoteMeta(f.Name) + "` \\|").MatchString(page) {
			t.Errorf("--%s has no row in the flag table of docs/configuration.md", f.Name)
		}
	}
}

// TestEveryPostureCheckIsDocumented fails when a posture check has no row
// in the checks table of docs/posture.md with its severity.
func TestEveryPostureCheckIsDocumented(t *testing.T) {
	table := between(readDoc(t, "docs/posture.md"), "| check | severity | a resource fails it when |", "\n\n")
	for _, c := range posture.Checks {
		row := regexp.MustCompile("(?m)^\\| [^|]*`" + regexp.QuoteMeta(c.Name) + "`[^|]* \\| ([a-z]+) \\|").FindStringSubmatch(table)
		if row == nil {
			t.Errorf("check %s has no row in the checks table of docs/posture.md", c.Name)
		} else if row[1] != c.Severity {
			t.Errorf("check %s: docs/posture.md says severity %s, the check %s", c.Name, row[1], c.Severity)
		}
	}
}
