package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

// List is the descriptor of a kind whose objects are listed whole on
// each refresh; T is the snapshot's type of one object.
type List[T any] struct{ *Kind }

// Of returns the kind's list in s: nil until it was listed once.
func (l List[T]) Of(s *Snapshot) []T { return listOf[T](s, l.name) }

// listOf is the list of kind in s, for a kind's own load, which cannot
// name its descriptor.
func listOf[T any](s *Snapshot, kind string) []T {
	list, _ := s.lists[kind].([]T)
	return list
}

// One is the only object of a kind that lists one (the account, its
// balance), or nil while it is unknown.
func (l List[T]) One(s *Snapshot) *T {
	if list := l.Of(s); len(list) > 0 {
		return &list[0]
	}
	return nil
}

// With pairs the kind with a list, to build a snapshot by hand.
func (l List[T]) With(items []T) Listing { return Listing{l.name, items} }

// Cadence says which interval refreshes a kind.
type Cadence int

const (
	ListCadence   Cadence = iota // --refresh.interval
	DetailCadence                // --refresh.detail-interval, for what costs a request per object
)

// listSpec declares a List kind. Fetch is its I/O, Map its pure mapping;
// Workload and Attributes, when set, project one object as a workload.
type listSpec[Raw, T any] struct {
	Name, Label, Scope string
	URN                string // the type the API's URNs give its objects, if any
	Cadence            Cadence
	Fetch              func(context.Context, *godo.Client) (Raw, error)
	Map                func(Raw) []T
	Workload           func(*T) Workload
	Columns            Columns
	Attributes         []Attribute[T]
	// ID names an object of a kind that is not a workload (a workload's ID
	// is its projection's), so that a list repeating one keeps it once.
	ID func(*T) string
}

// Attribute is one of a kind's own facts, shown beside the common columns.
type Attribute[T any] struct {
	Key   string
	Value func(*T) any // nil when the object does not say
	// Drift makes a change of the attribute a modification drift counts.
	Drift bool
}

func newList[Raw, T any](spec listSpec[Raw, T]) List[T] {
	k := &Kind{
		name: spec.Name, label: spec.Label, scope: spec.Scope, detail: spec.Cadence == DetailCadence,
		columns: spec.Columns, urn: spec.URN,
		load: func(ctx context.Context, c *godo.Client, _ *Snapshot) (any, error) {
			raw, err := spec.Fetch(ctx, c)
			if err != nil {
				return nil, err
			}
			return spec.Map(raw), nil
		},
	}
	id := spec.ID
	if id == nil && spec.Workload != nil {
		id = func(item *T) string { return spec.Workload(item).ID }
	}
	if id != nil {
		k.unique = func(list any) (any, int) {
			items := list.([]T)
			n := len(items)
			items = firstOfEach(items, id)
			return items, n - len(items)
		}
	}
	if spec.Workload != nil {
		k.project = func(list any) []Workload { return project(spec.Name, list.([]T), spec.Workload, spec.Attributes) }
		for _, a := range spec.Attributes {
			k.attributes = append(k.attributes, a.Key)
			if a.Drift {
				k.compared = append(k.compared, a.Key)
			}
		}
	}
	return List[T]{k}
}

// project makes one workload of each object.
func project[T any](kind string, items []T, workload func(*T) Workload, attributes []Attribute[T]) []Workload {
	workloads := make([]Workload, len(items))
	for i := range items {
		w := workload(&items[i])
		w.Kind = kind
		w.Geography = Geography(w.Region)
		if len(attributes) > 0 {
			w.Attributes = make(map[string]any, len(attributes))
			for _, a := range attributes {
				if v := a.Value(&items[i]); v != nil {
					w.Attributes[a.Key] = v
				}
			}
		}
		workloads[i] = w
	}
	return workloads
}

// each maps a list one object at a time, dropping the null entries a
// malformed answer can hold.
func each[Raw, T any](mapOne func(*Raw) T) func([]*Raw) []T {
	return func(raw []*Raw) []T {
		out := make([]T, 0, len(raw))
		for _, r := range raw {
			if r != nil {
				out = append(out, mapOne(r))
			}
		}
		return out
	}
}

// eachValue is each for lists of values, which hold no nulls.
func eachValue[Raw, T any](mapOne func(*Raw) T) func([]Raw) []T {
	return func(raw []Raw) []T {
		out := make([]T, len(raw))
		for i := range raw {
			out[i] = mapOne(&raw[i])
		}
		return out
	}
}

// paged fetches every page of a godo list call, naming the list in errors.
func paged[R any](what string, list func(*godo.Client) listFunc[R]) func(context.Context, *godo.Client) ([]R, error) {
	return func(ctx context.Context, c *godo.Client) ([]R, error) {
		items, err := listAll(ctx, list(c))
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", what, err)
		}
		return items, nil
	}
}

// twoLists holds what a kind read from two lists.
type twoLists[A, B any] struct {
	first  []A
	second []B
}

// both fetches two lists, in turn, for one kind: all or nothing.
func both[A, B any](first func(context.Context, *godo.Client) ([]A, error),
	second func(context.Context, *godo.Client) ([]B, error)) func(context.Context, *godo.Client) (twoLists[A, B], error) {
	return func(ctx context.Context, c *godo.Client) (twoLists[A, B], error) {
		a, err := first(ctx, c)
		if err != nil {
			return twoLists[A, B]{}, err
		}
		b, err := second(ctx, c)
		if err != nil {
			return twoLists[A, B]{}, err
		}
		return twoLists[A, B]{first: a, second: b}, nil
	}
}
