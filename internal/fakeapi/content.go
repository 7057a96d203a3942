package fakeapi

import (
	"encoding/json"
	"fmt"
)

// content is an Account encoded once: each object is JSON already, and a
// response is built by joining them.
type content struct {
	info  json.RawMessage
	lists map[string][]json.RawMessage            // by list name
	byID  map[string]map[string][]json.RawMessage // by list name, then parent id
	ids   map[string]map[string]bool              // by list per object: the ids of its parent list, by its parentKey

	metrics   map[string]map[string][]Series // Account.Metrics
	monitored map[string]*monitoredObject    // what made-up samples depend on, by kind and id
}

func encodeAccount(a Account) (*content, error) {
	c := &content{lists: map[string][]json.RawMessage{}, byID: map[string]map[string][]json.RawMessage{},
		ids: map[string]map[string]bool{}}
	info, err := json.Marshal(a.Info)
	if err != nil {
		return nil, fmt.Errorf("fakeapi: encode account info: %w", err)
	}
	c.info = info
	for _, l := range lists {
		if l.parent == "" {
			if c.lists[l.name], err = encodeObjects(a.Lists[l.name]); err != nil {
				return nil, fmt.Errorf("fakeapi: encode %s: %w", l.name, err)
			}
			continue
		}
		if c.byID[l.name], err = encodeObjectMap(a.ByID[l.name]); err != nil {
			return nil, fmt.Errorf("fakeapi: encode %s: %w", l.name, err)
		}
		c.ids[l.name] = idSet(a.Lists[l.parent], &l)
	}
	c.metrics, c.monitored = cloneMetrics(a.Metrics), monitoredObjects(a)
	return c, nil
}

// encodeObjects keeps a nil list nil, so that it can be served as null.
func encodeObjects(objects []map[string]any) ([]json.RawMessage, error) {
	if objects == nil {
		return nil, nil
	}
	raw := make([]json.RawMessage, len(objects))
	for i, o := range objects {
		b, err := json.Marshal(o)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
		raw[i] = b
	}
	return raw, nil
}

func encodeObjectMap(m map[string][]map[string]any) (map[string][]json.RawMessage, error) {
	raw := make(map[string][]json.RawMessage, len(m))
	for id, objects := range m {
		encoded, err := encodeObjects(objects)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		raw[id] = encoded
	}
	return raw, nil
}

func idSet(objects []map[string]any, l *list) map[string]bool {
	ids := make(map[string]bool, len(objects))
	for _, o := range objects {
		ids[l.idOfParent(o)] = true
	}
	delete(ids, "")
	return ids
}

// account decodes the content into new maps, a deep copy of what was set.
// Every list of a parent gets a map, so that Update can add to it.
func (c *content) account() Account {
	a := Account{Lists: map[string][]map[string]any{}, ByID: map[string]map[string][]map[string]any{}}
	mustDecode(c.info, &a.Info)
	for name, raw := range c.lists {
		if raw != nil {
			a.Lists[name] = decodeObjects(raw)
		}
	}
	for name, byID := range c.byID {
		m := make(map[string][]map[string]any, len(byID))
		for id, raw := range byID {
			m[id] = decodeObjects(raw)
		}
		a.ByID[name] = m
	}
	a.Metrics = cloneMetrics(c.metrics)
	return a
}

func decodeObjects(raw []json.RawMessage) []map[string]any {
	if raw == nil {
		return nil
	}
	objects := make([]map[string]any, len(raw))
	for i, r := range raw {
		mustDecode(r, &objects[i])
	}
	return objects
}

// objectsOf returns the list of the parent object id. An id that only the
// parent list knows has an empty list; an id that neither knows is not
// found.
func (c *content) objectsOf(l *list, id string) ([]json.RawMessage, bool) {
	objects, ok := c.byID[l.name][id]
	return objects, ok || c.ids[l.name][id]
}
