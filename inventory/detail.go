package inventory

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/digitalocean/godo"
)

// Detail is the descriptor of a kind read with one request per object of
// its parent kind, on the detail cadence; V is what one request gives, kept
// by the parent object's ID.
type Detail[V any] struct{ *Kind }

// Of returns what the kind holds for each object of its parent, by the
// parent's ID: nil until it was read once.
func (d Detail[V]) Of(s *Snapshot) map[string]V {
	byID, _ := s.lists[d.name].(map[string]V)
	return byID
}

// With pairs the kind with its details by parent ID, to build a snapshot
// by hand.
func (d Detail[V]) With(byID map[string]V) Listing { return Listing{d.name, byID} }

// detailSpec declares a Detail kind: Get is the I/O for one parent object,
// given its ID already escaped for a URL path; Map its pure mapping.
type detailSpec[P, Raw, V any] struct {
	Name, Scope string
	Parent      List[P]
	// ID is what the request names of a parent object: its ID, or a
	// value several share (their region), read once for all of them; ""
	// for a parent that has nothing to read.
	ID  func(*P) string
	Get func(ctx context.Context, c *godo.Client, id string) (Raw, error)
	Map func(Raw) V
}

func newDetail[P, Raw, V any](spec detailSpec[P, Raw, V]) Detail[V] {
	return Detail[V]{&Kind{
		name: spec.Name, scope: spec.Scope, parent: spec.Parent.name, detail: true,
		load: func(ctx context.Context, c *godo.Client, s *Snapshot) (any, error) {
			parents := spec.Parent.Of(s)
			byID := make(map[string]V, len(parents))
			for i := range parents {
				id := spec.ID(&parents[i])
				if _, read := byID[id]; read || id == "" {
					continue
				}
				// The ID goes into a path: escaped, so that no ID from the
				// API can reach another route; and named, so that the
				// request metrics count it under the route's template.
				escaped := url.PathEscape(id)
				raw, err := spec.Get(aboutObject(ctx, escaped), c, escaped)
				switch {
				case isNotFound(err): // deleted since it was listed
					continue
				case err != nil:
					return nil, fmt.Errorf("%s of %s: %w", spec.Name, id, err)
				}
				byID[id] = spec.Map(raw)
			}
			return byID, nil
		},
	}}
}

func isNotFound(err error) bool {
	var apiErr *godo.ErrorResponse
	return errors.As(err, &apiErr) && apiErr.Response != nil && apiErr.Response.StatusCode == http.StatusNotFound
}
