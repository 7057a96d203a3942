// Package fakeapi is an in-process fake of the DigitalOcean API v2 for tests
// and the exporter's --demo mode. It serves the read-only list endpoints the
// exporter uses, and the Monitoring API's metrics, over real HTTP on
// 127.0.0.1, with the API's pagination, errors and rate-limit headers, and it
// can inject faults.
package fakeapi

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
)

// Account is the content of one fake DigitalOcean account as API JSON
// objects: for each of the lists the fake serves (Droplets, Databases, ...),
// its objects.
//
// ByID holds the lists per object of another list (DatabaseFirewalls,
// KubernetesUpgrades, ...) by that object's id. An id that is in neither the
// map nor the parent list is not found; a listed one that the map leaves
// out has an empty list (or null, where the API sends null).
//
// Metrics holds the monitoring samples of a resource (a Droplet's id, an
// app's, a load balancer's), by metric: "droplet/cpu", "apps/cpu_percentage",
// "load_balancer/frontend_connections_current". A resource it names has
// those samples and no others; one it leaves out gets samples the fake makes
// up (none for a Droplet whose features lack "monitoring": it has no agent).
type Account struct {
	Info    map[string]any // the "account" object of GET /v2/account
	Lists   map[string][]map[string]any
	ByID    map[string]map[string][]map[string]any
	Metrics map[string]map[string][]Series
}

//go:embed examples/*.json
var examples embed.FS

// ExampleFile returns the bytes of one embedded example response, such as
// "droplets.json", or nil when there is no such file.
func ExampleFile(name string) []byte {
	data, err := examples.ReadFile("examples/" + name)
	if err != nil {
		return nil
	}
	return data
}

// Examples returns exactly the objects of the API's example responses.
// Numbers are json.Number, so IDs stay exact. Every call returns new maps.
// A list per object belongs to the parent list's first example object.
func Examples() Account {
	a := Account{
		Info:  exampleObject("account.json", "account"),
		Lists: map[string][]map[string]any{},
		ByID:  map[string]map[string][]map[string]any{},
	}
	for _, l := range lists {
		if l.example == "" {
			continue
		}
		objects := exampleObjects(l)
		if l.parent == "" {
			a.Lists[l.name] = objects
			continue
		}
		parent := a.Lists[l.parent][0]
		a.ByID[l.name] = map[string][]map[string]any{l.idOfParent(parent): objects}
	}
	return a
}

// idOf is the string id of an object, or "" when it has none.
func idOf(object map[string]any) string {
	switch id := object["id"].(type) {
	case string:
		return id
	case json.Number, int:
		return fmt.Sprint(id)
	}
	return ""
}

// exampleObject is the object under key in an example file, or the
// whole body for key "".
func exampleObject(file, key string) map[string]any {
	if key == "" {
		var body map[string]any
		mustDecode(ExampleFile(file), &body)
		return body
	}
	var body map[string]map[string]any
	mustDecode(ExampleFile(file), &body)
	return body[key]
}

// exampleObjects are the objects of a list's example file: its list, or
// the body itself for a list with no key.
func exampleObjects(l list) []map[string]any {
	switch {
	case l.key == "", l.object:
		return []map[string]any{exampleObject(l.example, l.key)}
	}
	return exampleList(l.example, l.key)
}

func exampleList(file, key string) []map[string]any {
	var body map[string]json.RawMessage
	mustDecode(ExampleFile(file), &body)
	var list []map[string]any
	mustDecode(body[key], &list)
	return list
}

// mustDecode decodes JSON that is known to be valid: an embedded example or
// an object this package encoded itself.
func mustDecode(data []byte, v any) {
	if err := decode(data, v); err != nil {
		panic(fmt.Sprintf("fakeapi: decode known-good JSON: %v", err))
	}
}

func decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
