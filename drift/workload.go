// Package drift follows how an account's workloads change between
// refreshes, and how they differ from a baseline a team declares. It reads
// snapshots only; the refresher feeds it through its OnRefresh hook.
package drift

import (
	"fmt"
	"slices"
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Workload is what drift compares of one workload: the inventory's own
// projection of it.
type Workload = inventory.Workload

// Kinds are the kinds of workload drift follows, in the order it reports them.
var Kinds = inventory.Names(inventory.WorkloadKinds())

// Workloads flattens one kind of a snapshot; nil for a kind drift does not follow.
func Workloads(s *inventory.Snapshot, kind string) []Workload {
	if k := inventory.KindNamed(kind); k != nil {
		return k.Workloads(s)
	}
	return nil
}

// field is one property of a workload that drift compares.
type field struct {
	name   string
	column inventory.Columns // the kinds that fill it have this column
	value  func(*Workload) string
}

// fields lists the compared common properties, in the order changes name
// them; a kind's compared attributes (a cluster's nodes, say) follow.
var fields = []field{
	{"size", inventory.HasSize, func(w *Workload) string { return w.Size }},
	{"status", inventory.HasStatus, func(w *Workload) string { return w.Status }},
	{"version", inventory.HasVersion, func(w *Workload) string { return w.Version }},
	{"region", inventory.HasRegion, func(w *Workload) string { return w.Region }},
	{"tags", inventory.HasTags, func(w *Workload) string { return strings.Join(w.Tags, ",") }},
}

// fieldNamed returns the compared common property called name.
func fieldNamed(name string) field {
	i := slices.IndexFunc(fields, func(f field) bool { return f.name == name })
	return fields[i]
}

// fieldsOf are the properties drift compares for a kind: the common ones
// and the attributes the kind marks as compared.
func fieldsOf(kind string) []field {
	k := inventory.KindNamed(kind)
	if k == nil {
		return fields
	}
	compared := slices.Clone(fields)
	for _, key := range k.AttributeKeys() {
		if k.Compared(key) {
			compared = append(compared, field{key, 0, func(w *Workload) string { return attributeText(w, key) }})
		}
	}
	return compared
}

func attributeText(w *Workload, key string) string {
	if v, ok := w.Attributes[key]; ok {
		return fmt.Sprint(v)
	}
	return ""
}

// kindsWith names the workload kinds that fill a column.
func kindsWith(column inventory.Columns) []string {
	var names []string
	for _, k := range inventory.WorkloadKinds() {
		if k.Has(column) {
			names = append(names, k.Name())
		}
	}
	return names
}
