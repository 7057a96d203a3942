package drift

import (
	"slices"

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
	index := newEntryIndex(b.Entries)
	for _, s := range snapshots {
		for _, kind := range b.Kinds {
			if !s.Status[kind].Known() {
				continue
			}
			v.Judged = append(v.Judged, Scope{s.Account, kind})
			for _, w := range Workloads(s, kind) {
				v.Findings = append(v.Findings, judge(b, index, matched, s.Account, &w)...)
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

// judge finds the entries that expect one live workload, marks them
// matched, and returns its findings.
func judge(b *Baseline, index entryIndex, matched []bool, account string, w *Workload) []Finding {
	finding := Finding{Account: account, Kind: w.Kind, ID: w.ID, Name: w.Name}
	expecting := slices.DeleteFunc(index.candidates(w), func(i int) bool {
		return b.Entries[i].Account != "" && b.Entries[i].Account != account
	})
	if len(expecting) == 0 {
		finding.State = Unexpected
		return []Finding{finding}
	}
	var findings []Finding
	for _, name := range expectedFields {
		f := fieldNamed(name)
		differs := func(i int) bool { e := &b.Entries[i]; return e.declares(f) && f.value(e.expected()) != f.value(w) }
		if slices.ContainsFunc(expecting, differs) {
			finding.State, finding.Field = Changed, f.name
			findings = append(findings, finding)
		}
	}
	for _, i := range expecting {
		matched[i] = true
	}
	return findings
}

// entryIndex finds entries by kind and ID, and by kind and name for
// entries without an ID.
type entryIndex struct {
	byID, byName map[[2]string][]int
}

func newEntryIndex(entries []Entry) entryIndex {
	index := entryIndex{byID: map[[2]string][]int{}, byName: map[[2]string][]int{}}
	for i, e := range entries {
		if e.ID != "" {
			index.byID[[2]string{e.Kind, e.ID}] = append(index.byID[[2]string{e.Kind, e.ID}], i)
		} else {
			index.byName[[2]string{e.Kind, e.Name}] = append(index.byName[[2]string{e.Kind, e.Name}], i)
		}
	}
	return index
}

// candidates are the entries that name w, in any account; a new slice.
func (x entryIndex) candidates(w *Workload) []int {
	return slices.Concat(x.byID[[2]string{w.Kind, w.ID}], x.byName[[2]string{w.Kind, w.Name}])
}
