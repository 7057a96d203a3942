package fakeapi

import (
	"encoding/json"
	"fmt"
)

// content is an Account encoded once: each object is JSON already, and a
// response is built by joining them.
type content struct {
	info          json.RawMessage
	droplets      []json.RawMessage
	gpuDroplets   []json.RawMessage
	clusters      []json.RawMessage
	databases     []json.RawMessage
	apps          []json.RawMessage
	firewalls     []json.RawMessage
	loadBalancers []json.RawMessage

	databaseFirewalls  map[string][]json.RawMessage
	kubernetesUpgrades map[string][]json.RawMessage
	databaseIDs        map[string]bool // the ids the database list holds
	clusterIDs         map[string]bool // the ids the cluster list holds
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
		{"firewalls", &a.Firewalls, &c.firewalls},
		{"load balancers", &a.LoadBalancers, &c.loadBalancers},
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
	for _, m := range c.objectMaps(&a) {
		if *m.raw, err = encodeObjectMap(*m.objects); err != nil {
			return nil, fmt.Errorf("fakeapi: encode %s: %w", m.name, err)
		}
	}
	c.databaseIDs, c.clusterIDs = idSet(a.Databases), idSet(a.Clusters)
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

// account decodes the content into new maps, a deep copy of what was set.
func (c *content) account() Account {
	var a Account
	mustDecode(c.info, &a.Info)
	for _, l := range c.lists(&a) {
		*l.objects = decodeObjects(*l.raw)
	}
	for _, m := range c.objectMaps(&a) {
		*m.objects = decodeObjectMap(*m.raw)
	}
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
