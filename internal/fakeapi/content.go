package fakeapi

import (
	"encoding/json"
	"fmt"
)

// content is an Account encoded once: each object is JSON already, and a
// response is built by joining them.
type content struct {
	info        json.RawMessage
	droplets    []json.RawMessage
	gpuDroplets []json.RawMessage
	clusters    []json.RawMessage
	databases   []json.RawMessage
	apps        []json.RawMessage
}

// list pairs one of an Account's lists with its encoded form.
type list struct {
	name    string
	objects *[]map[string]any
	raw     *[]json.RawMessage
}

func (c *content) lists(a *Account) []list {
	return []list{
		{"droplets", &a.Droplets, &c.droplets},
		{"gpu droplets", &a.GPUDroplets, &c.gpuDroplets},
		{"kubernetes clusters", &a.Clusters, &c.clusters},
		{"databases", &a.Databases, &c.databases},
		{"apps", &a.Apps, &c.apps},
	}
}

func encodeAccount(a Account) (*content, error) {
	c := &content{}
	info, err := json.Marshal(a.Info)
	if err != nil {
		return nil, fmt.Errorf("fakeapi: encode account info: %w", err)
	}
	c.info = info
	for _, l := range c.lists(&a) {
		if *l.raw, err = encodeObjects(*l.objects); err != nil {
			return nil, fmt.Errorf("fakeapi: encode %s: %w", l.name, err)
		}
	}
	return c, nil
}

func encodeObjects(objects []map[string]any) ([]json.RawMessage, error) {
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

// account decodes the content into new maps, a deep copy of what was set.
func (c *content) account() Account {
	var a Account
	mustDecode(c.info, &a.Info)
	for _, l := range c.lists(&a) {
		*l.objects = decodeObjects(*l.raw)
	}
	return a
}

func decodeObjects(raw []json.RawMessage) []map[string]any {
	objects := make([]map[string]any, len(raw))
	for i, r := range raw {
		mustDecode(r, &objects[i])
	}
	return objects
}
