package fakeapi

import (
	"encoding/json"
	"fmt"
)

// objectMap pairs one of an Account's lists by object id with its encoded
// form.
type objectMap struct {
	name    string
	objects *map[string][]map[string]any
	raw     *map[string][]json.RawMessage
}

func (c *content) objectMaps(a *Account) []objectMap {
	return []objectMap{
		{"database firewalls", &a.DatabaseFirewalls, &c.databaseFirewalls},
		{"kubernetes upgrades", &a.KubernetesUpgrades, &c.kubernetesUpgrades},
	}
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

// decodeObjectMap always returns a map, so that Update can add to it.
func decodeObjectMap(raw map[string][]json.RawMessage) map[string][]map[string]any {
	m := make(map[string][]map[string]any, len(raw))
	for id, encoded := range raw {
		m[id] = decodeObjects(encoded)
	}
	return m
}

func idSet(objects []map[string]any) map[string]bool {
	ids := make(map[string]bool, len(objects))
	for _, o := range objects {
		ids[idOf(o)] = true
	}
	delete(ids, "")
	return ids
}

// objectsOf returns the list byID holds for id. An id that only the
// account's list knows has an empty list; an id that neither knows is not
// found.
func objectsOf(byID map[string][]json.RawMessage, listed map[string]bool, id string) ([]json.RawMessage, bool) {
	objects, ok := byID[id]
	return objects, ok || listed[id]
}
