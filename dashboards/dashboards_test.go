package dashboards

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func eachFile(t *testing.T, f func(t *testing.T, name string, raw []byte)) {
	names, err := fs.Glob(Files, "*.json")
	if err != nil || len(names) != len(specs()) {
		t.Fatalf("%d dashboards (%v), want %d", len(names), err, len(specs()))
	}
	for _, name := range names {
		raw, err := fs.ReadFile(Files, name)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) { f(t, name, raw) })
	}
}

func TestPanelIDsAreUniqueAndPanelsFitTheGrid(t *testing.T) {
	eachFile(t, func(t *testing.T, _ string, raw []byte) {
		var d dashboard
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		ids := map[int]string{}
		for i, p := range d.Panels {
			if other, seen := ids[p.ID]; seen || p.ID <= 0 {
				t.Errorf("panel %q has id %d, as %q has", p.Title, p.ID, other)
			}
			ids[p.ID] = p.Title
			g := p.GridPos
			if g.W <= 0 || g.H <= 0 || g.X < 0 || g.Y < 0 || g.X+g.W > 24 {
				t.Errorf("panel %q: gridPos %+v does not fit 24 columns", p.Title, g)
			}
			for _, q := range d.Panels[:i] {
				if overlap(g, q.GridPos) {
					t.Errorf("panels %q %+v and %q %+v overlap", p.Title, g, q.Title, q.GridPos)
				}
			}
		}
	})
}

func overlap(a, b gridPos) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func TestEveryQueryUsesTheDatasourceAndAccountVariables(t *testing.T) {
	eachFile(t, func(t *testing.T, _ string, raw []byte) {
		var d dashboard
		json.Unmarshal(raw, &d)
		var exprs []string
		for _, p := range d.Panels {
			if p.Type != "row" && (p.Datasource == nil || p.Datasource.UID != "${datasource}") {
				t.Errorf("panel %q does not use the $datasource variable", p.Title)
			}
			for _, q := range p.Targets {
				exprs = append(exprs, q.Expr)
				if !strings.Contains(q.Expr, "$account") {
					t.Errorf("panel %q: query ignores $account: %s", p.Title, q.Expr)
				}
			}
		}
		// A variable filters panels itself, or through a variable derived
		// from it (the hidden geography from the region).
		for _, v := range d.Templating.List {
			if slices.ContainsFunc(exprs, usesVariable(v.Name)) {
				exprs = append(exprs, v.Definition)
			}
		}
		for _, v := range d.Templating.List[1:] {
			if !slices.ContainsFunc(exprs, usesVariable(v.Name)) {
				t.Errorf("variable $%s filters no panel", v.Name)
			}
		}
	})
}

func usesVariable(name string) func(expr string) bool {
	return func(expr string) bool {
		return strings.Contains(expr, "$"+name) || strings.Contains(expr, "${"+name+"}")
	}
}

var (
	metricName = regexp.MustCompile(`\bdigitalocean_[a-z_]*[a-z]\b`)
	nameRegexp = regexp.MustCompile(`__name__=~"([^"]+)"`)
)

// TestQueriesUseOnlyDocumentedMetrics checks every metric name, spelled out
// or matched by a __name__ regexp, against the metric reference, docs/metrics.md.
func TestQueriesUseOnlyDocumentedMetrics(t *testing.T) {
	reference, err := os.ReadFile("../docs/metrics.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := metricName.FindAllString(string(reference), -1)
	eachFile(t, func(t *testing.T, _ string, raw []byte) {
		for _, expr := range exprsOf(raw) {
			for _, m := range nameRegexp.FindAllStringSubmatch(expr, -1) {
				re := regexp.MustCompile("^(?:" + m[1] + ")$")
				alternatives := strings.Count(m[1], "|") + 1
				if n := len(uniqueMatches(re, documented)); n != alternatives {
					t.Errorf("__name__=~%q matches %d documented metrics, want one per alternative (%d)", m[1], n, alternatives)
				}
			}
			for _, name := range metricName.FindAllString(nameRegexp.ReplaceAllString(expr, ""), -1) {
				if !slices.Contains(documented, name) {
					t.Errorf("%s is not in the metric reference: %s", name, expr)
				}
			}
		}
	})
}

func uniqueMatches(re *regexp.Regexp, names []string) map[string]bool {
	out := map[string]bool{}
	for _, n := range names {
		if re.MatchString(n) {
			out[n] = true
		}
	}
	return out
}

// exprsOf returns every query of a dashboard: panel targets and variable
// definitions.
func exprsOf(raw []byte) []string {
	var d dashboard
	if err := json.Unmarshal(raw, &d); err != nil {
		panic(fmt.Sprint("decoding a dashboard: ", err))
	}
	var out []string
	for _, p := range d.Panels {
		for _, q := range p.Targets {
			out = append(out, q.Expr)
		}
	}
	for _, v := range d.Templating.List {
		if v.Definition != "" {
			out = append(out, v.Definition)
		}
	}
	return out
}
