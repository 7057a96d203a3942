package drift

import "strings"

// ChangeType is how a workload changed between two refreshes.
type ChangeType string

// The change types, in the order metrics list them.
const (
	Added    ChangeType = "added"
	Removed  ChangeType = "removed"
	Modified ChangeType = "modified"
)

// ChangeTypes lists every change type.
var ChangeTypes = []ChangeType{Added, Removed, Modified}

// Change is one workload that was added, removed or modified.
type Change struct {
	Type     ChangeType
	Workload Workload      // as it is now; as it was, when removed
	Fields   []FieldChange // what was modified; none for the other types
}

// FieldChange is one compared property that changed.
type FieldChange struct {
	Name, Before, After string
}

// FieldNames joins the names of the changed properties with commas.
func (c Change) FieldNames() string {
	names := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		names[i] = f.Name
	}
	return strings.Join(names, ",")
}

// Compare matches two lists of one kind by ID: what only before has was
// removed, what only after has was added, and what both have with a
// different size, status, version, region, tags or compared attribute
// (such as a node count) was modified. Removals and modifications come in
// before's order, additions in after's.
func Compare(before, after []Workload) []Change {
	var compared []field
	if len(before) > 0 {
		compared = fieldsOf(before[0].Kind)
	}
	afterByID := make(map[string]*Workload, len(after))
	for i := range after {
		afterByID[after[i].ID] = &after[i]
	}
	var changes []Change
	seen := make(map[string]bool, len(before))
	for i := range before {
		old := &before[i]
		seen[old.ID] = true
		now, ok := afterByID[old.ID]
		if !ok {
			changes = append(changes, Change{Type: Removed, Workload: *old})
		} else if changed := differences(compared, old, now); len(changed) > 0 {
			changes = append(changes, Change{Type: Modified, Workload: *now, Fields: changed})
		}
	}
	for i := range after {
		if !seen[after[i].ID] {
			changes = append(changes, Change{Type: Added, Workload: after[i]})
		}
	}
	return changes
}

// differences lists the compared properties that differ between two
// states of one workload.
func differences(compared []field, before, after *Workload) []FieldChange {
	var changed []FieldChange
	for _, f := range compared {
		if b, a := f.value(before), f.value(after); b != a {
			changed = append(changed, FieldChange{Name: f.name, Before: b, After: a})
		}
	}
	return changed
}
