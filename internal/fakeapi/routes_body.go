package fakeapi

import (
	"encoding/json"
	"net/http"
)

func accountBody(c *content, _ *http.Request) ([]byte, *apiError) {
	b := append([]byte(`{"account":`), c.info...)
	return append(b, '}'), nil
}

// serveList answers with a list: a page of it, all of it for a list the
// API does not paginate, or its one object. A list per object answers for
// the object its path names: not found for an object the parent list does
// not hold.
func serveList(c *content, r *http.Request, l *list) ([]byte, *apiError) {
	items := c.lists[l.name]
	if l.parent != "" {
		var ok bool
		if items, ok = c.objectsOf(l, r.PathValue("id")); !ok {
			return nil, errorFor(http.StatusNotFound)
		}
		if items == nil && l.nullWhenNone {
			return []byte(`{"` + l.key + `":null}`), nil
		}
		if items == nil {
			items = []json.RawMessage{}
		}
	}
	if l.filter != "" {
		value := r.URL.Query().Get(l.filter)
		if value == "" {
			return nil, badRequest(l.filter + " is required.")
		}
		items = withField(items, l.filter, value)
	}
	switch {
	case l.object && len(items) == 0:
		return nil, errorFor(http.StatusNotFound)
	case l.object && l.pages != "":
		return pagedObject(l, items[0], r)
	case l.object:
		return append(append([]byte(`{"`+l.key+`":`), items[0]...), '}'), nil
	case l.whole:
		return wholeList(l.key, items), nil
	}
	return pagedList(l, items, r)
}

// pagedObject answers with one object whose field l.pages holds only the
// items of the page asked for, and nothing says how many there are.
func pagedObject(l *list, raw json.RawMessage, r *http.Request) ([]byte, *apiError) {
	p, err := parsePage(r.URL.Query(), false)
	if err != nil {
		return nil, err
	}
	var object map[string]json.RawMessage
	mustDecode(raw, &object)
	var items []json.RawMessage
	if object[l.pages] != nil {
		mustDecode(object[l.pages], &items)
	}
	object[l.pages], _ = json.Marshal(nonNil(p.of(items)))
	body, _ := json.Marshal(map[string]any{l.key: object})
	return body, nil
}

func nonNil(items []json.RawMessage) []json.RawMessage {
	if items == nil {
		return []json.RawMessage{}
	}
	return items
}

// withField keeps the items whose field has the value.
func withField(items []json.RawMessage, field, value string) []json.RawMessage {
	kept := []json.RawMessage{}
	for _, item := range items {
		var object map[string]any
		mustDecode(item, &object)
		if object[field] == value {
			kept = append(kept, item)
		}
	}
	return kept
}
