package drift

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Baseline is the workloads a team expects.
type Baseline struct {
	// Kinds are the kinds it judges: the kinds its entries name, and any
	// it declares empty. A live workload of another kind is not judged.
	Kinds   []string
	Entries []Entry

	indexed sync.Once
	index   *entryIndex // built on first use; a baseline is never changed
}

func (b *Baseline) entryIndex() *entryIndex {
	b.indexed.Do(func() { b.index = newEntryIndex(b.Entries) })
	return b.index
}

// Entry is one expected workload. Kind and an ID or a name identify it; an
// entry with an ID is matched by ID, otherwise by name. The other fields,
// when given, are expected of it. An empty Account matches any account.
type Entry struct {
	Kind    string   `yaml:"kind" json:"kind"`
	Account string   `yaml:"account" json:"account"`
	ID      string   `yaml:"id" json:"id"`
	Name    string   `yaml:"name" json:"name"`
	Size    string   `yaml:"size" json:"size"`
	Region  string   `yaml:"region" json:"region"`
	Version string   `yaml:"version" json:"version"`
	Tags    []string `yaml:"tags" json:"tags"` // nil: not declared; empty: no tags
}

// entryKeys are the fields an entry of a hand-written YAML baseline may have.
var entryKeys = []string{"kind", "account", "id", "name", "size", "region", "version", "tags"}

// expectedFields are the properties an entry may declare, compared with
// the live workload.
var expectedFields = []field{fieldNamed("size"), fieldNamed("region"), fieldNamed("version"), fieldNamed("tags")}

// ParseBaseline reads a baseline in either of two forms: the exporter's own
// /inventory JSON, whose workload rows are entries and whose other fields
// are ignored, or a YAML document with a list of workloads and optionally
// the kinds it judges, decoded strictly. Errors name the entry and field.
func ParseBaseline(data []byte) (*Baseline, error) {
	var b *Baseline
	var where []string // each entry's place in the file, for errors
	var err error
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		b, where, err = parseInventoryJSON(trimmed)
	} else {
		b, where, err = parseYAML(data)
	}
	if err != nil {
		return nil, err
	}
	for i := range b.Entries {
		if err := b.Entries[i].normalize(); err != nil {
			return nil, fmt.Errorf("%s: %w", where[i], err)
		}
		b.Kinds = append(b.Kinds, b.Entries[i].Kind)
	}
	b.Kinds = inKindOrder(b.Kinds)
	if len(b.Kinds) == 0 {
		return nil, errors.New("names no workloads and no kinds, so it would judge nothing")
	}
	return b, nil
}

// inventoryJSON is the part of GET /inventory a baseline reads.
type inventoryJSON struct {
	Refreshes []struct {
		Kind        string     `json:"kind"`
		LastSuccess *time.Time `json:"last_success"`
	} `json:"refreshes"`
	Workloads []Entry `json:"workloads"`
}

// parseInventoryJSON judges the kinds the inventory had listed: a kind
// with no rows was empty then, and is expected to stay so.
func parseInventoryJSON(data []byte) (*Baseline, []string, error) {
	var inv inventoryJSON
	if err := json.Unmarshal(data, &inv); err != nil {
		return nil, nil, fmt.Errorf("JSON: %w", err)
	}
	b := &Baseline{Entries: inv.Workloads}
	for _, r := range inv.Refreshes {
		if r.LastSuccess != nil && slices.Contains(Kinds, r.Kind) {
			b.Kinds = append(b.Kinds, r.Kind)
		}
	}
	where := make([]string, len(b.Entries))
	for i := range where {
		where[i] = fmt.Sprintf("workloads[%d]", i)
	}
	return b, where, nil
}

// yamlBaseline is a hand-written baseline; entries are decoded one by one
// so that an error can name the entry.
type yamlBaseline struct {
	Kinds     []string    `yaml:"kinds"`
	Workloads []yaml.Node `yaml:"workloads"`
}

func parseYAML(data []byte) (*Baseline, []string, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var doc yamlBaseline
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("YAML: %w", err)
	}
	b := &Baseline{}
	for i, kind := range doc.Kinds {
		if !slices.Contains(Kinds, kind) {
			return nil, nil, fmt.Errorf("kinds[%d]: %q is not one of %s", i, kind, strings.Join(Kinds, ", "))
		}
		b.Kinds = append(b.Kinds, kind)
	}
	where := make([]string, len(doc.Workloads))
	for i := range doc.Workloads {
		where[i] = fmt.Sprintf("workloads[%d] (line %d)", i, doc.Workloads[i].Line)
		e, err := decodeEntry(&doc.Workloads[i])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", where[i], err)
		}
		b.Entries = append(b.Entries, e)
	}
	return b, where, nil
}

func decodeEntry(node *yaml.Node) (Entry, error) {
	var e Entry
	if node.Kind != yaml.MappingNode {
		return e, errors.New("not a mapping of kind, id, name, ...")
	}
	for i := 0; i < len(node.Content); i += 2 {
		if key := node.Content[i].Value; !slices.Contains(entryKeys, key) {
			return e, fmt.Errorf("unknown field %q; an entry has %s", key, strings.Join(entryKeys, ", "))
		}
	}
	if err := node.Decode(&e); err != nil {
		return e, err
	}
	return e, nil
}

// normalize checks an entry and sorts its tags.
func (e *Entry) normalize() error {
	if !slices.Contains(Kinds, e.Kind) {
		return fmt.Errorf("kind: %q is not one of %s", e.Kind, strings.Join(Kinds, ", "))
	}
	if e.ID == "" && e.Name == "" {
		return errors.New("id, name: give at least one to say which workload")
	}
	for _, f := range expectedFields {
		if !inventory.KindNamed(e.Kind).Has(f.column) && f.value(e.expected()) != "" {
			return fmt.Errorf("%s: %s have no %s; only %s do", f.name, e.Kind, f.name, strings.Join(kindsWith(f.column), ", "))
		}
	}
	slices.Sort(e.Tags) // in place, so that declared but empty tags stay non-nil
	e.Tags = slices.Compact(e.Tags)
	return nil
}

// expected is the entry as a workload, to compare field by field.
func (e *Entry) expected() *Workload {
	return &Workload{Kind: e.Kind, ID: e.ID, Name: e.Name, Region: e.Region, Size: e.Size, Version: e.Version, Tags: e.Tags}
}

// declares tells whether the entry expects something of the property.
func (e *Entry) declares(f field) bool {
	switch {
	case !slices.ContainsFunc(expectedFields, func(x field) bool { return x.name == f.name }):
		return false
	case f.name == "tags":
		return e.Tags != nil
	}
	return f.value(e.expected()) != ""
}

// inKindOrder removes duplicates and sorts kinds as Kinds does.
func inKindOrder(kinds []string) []string {
	var ordered []string
	for _, k := range Kinds {
		if slices.Contains(kinds, k) {
			ordered = append(ordered, k)
		}
	}
	return ordered
}
