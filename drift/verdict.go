package drift

import (
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// State is how a workload drifted from the baseline.
type State string

// The drift states, in the order metrics list them.
const (
	Unexpected State = "unexpected" // live, and no entry expects it
	Missing    State = "missing"    // expected, and not live in any account
	Changed    State = "changed"    // live and expected, with a property that differs
)

// States lists every drift state.
var States = []State{Unexpected, Missing, Changed}

// Finding is one drifted workload; a changed workload has one finding per
// property that differs.
type Finding struct {
	Account, Kind, ID, Name string
	State                   State
	Field                   string // the differing property; "" unless changed
}

// Scope is one kind of one account whose list is known and judged.
type Scope struct{ Account, Kind string }

// Verdict is how the live workloads differ from the baseline.
type Verdict struct {
	Judged   []Scope // what the findings cover: no finding there means no drift
	Findings []Finding
}

// Evaluate judges the known lists of the kinds the baseline covers. A live
// workload that no entry matches is unexpected; an entry that matches no
// live workload in any account is missing, and reported under each judged
// account it may belong to; a matched workload whose declared size, region,
// version or tags differ is changed.
func Evaluate(b *Baseline, snapshots []*inventory.Snapshot) Verdict {
	var v Verdict
	matched := make([]bool, len(b.Entries))
	index := b.entryIndex()
	for _, s := range snapshots {
		for _, kind := range b.Kinds {
			if !s.Status[kind].Known() {
				continue
			}
			v.Judged = append(v.Judged, Scope{s.Account, kind})
			live := Workloads(s, kind)
			for i := range live {
				v.Findings = append(v.Findings, index.judge(matched, s.Account, &live[i])...)
			}
		}
	}
	for i, e := range b.Entries {
		if matched[i] {
			continue
		}
		for _, scope := range v.Judged {
			if scope.Kind == e.Kind && (e.Account == "" || e.Account == scope.Account) {
				v.Findings = append(v.Findings, Finding{Account: scope.Account, Kind: e.Kind, ID: e.ID, Name: e.Name, State: Missing})
			}
		}
	}
	return v
}

// entryIndex finds a baseline's entries by kind and ID, and by kind and
// name for entries without an ID, and holds what each expects.
type entryIndex struct {
	entries      []Entry
	byID, byName map[[2]string][]int
	expected     [][]expectation // by entry
}

// expectation is one declared property of an entry: expectedFields[field].
type expectation struct {
	field int
	value string
}

func newEntryIndex(entries []Entry) *entryIndex {
	x := &entryIndex{entries: entries, byID: map[[2]string][]int{}, byName: map[[2]string][]int{},
		expected: make([][]expectation, len(entries))}
	for i := range entries {
		e := &entries[i]
		if e.ID != "" {
			x.byID[[2]string{e.Kind, e.ID}] = append(x.byID[[2]string{e.Kind, e.ID}], i)
		} else {
			x.byName[[2]string{e.Kind, e.Name}] = append(x.byName[[2]string{e.Kind, e.Name}], i)
		}
		for k, f := range expectedFields {
			if e.declares(f) {
				x.expected[i] = append(x.expected[i], expectation{k, f.value(e.expected())})
			}
		}
	}
	return x
}

// judge finds the entries that expect one live workload of account, marks
// them matched, and returns its findings: unexpected when none does,
// changed once per declared property that differs.
func (x *entryIndex) judge(matched []bool, account string, w *Workload) []Finding {
	finding := Finding{Account: account, Kind: w.Kind, ID: w.ID, Name: w.Name}
	expected, differs := false, make([]bool, len(expectedFields))
	for _, candidates := range [2][]int{x.byID[[2]string{w.Kind, w.ID}], x.byName[[2]string{w.Kind, w.Name}]} {
		for _, i := range candidates {
			if a := x.entries[i].Account; a != "" && a != account {
				continue
			}
			expected, matched[i] = true, true
			for _, e := range x.expected[i] {
				differs[e.field] = differs[e.field] || expectedFields[e.field].value(w) != e.value
			}
		}
	}
	if !expected {
		finding.State = Unexpected
		return []Finding{finding}
	}
	var findings []Finding
	for k, f := range expectedFields {
		if differs[k] {
			finding.State, finding.Field = Changed, f.name
			findings = append(findings, finding)
		}
	}
	return findings
}
