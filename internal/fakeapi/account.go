// Package fakeapi is an in-process fake of the DigitalOcean API v2 for tests
// and the exporter's --demo mode. It serves the read-only list endpoints the
// exporter uses over real HTTP on 127.0.0.1, with the API's pagination,
// errors and rate-limit headers, and it can inject faults.
package fakeapi

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
)

// Account is the content of one fake DigitalOcean account as API JSON objects.
//
// DatabaseFirewalls and KubernetesUpgrades are keyed by the database's or
// cluster's id. An id that is in neither the map nor the list is not found;
// a listed one that the map leaves out has no rules, or no upgrades.
type Account struct {
	Info          map[string]any   // the "account" object of GET /v2/account
	Droplets      []map[string]any // GET /v2/droplets (plain list; non-GPU)
	GPUDroplets   []map[string]any // GET /v2/droplets?type=gpus
	Clusters      []map[string]any // GET /v2/kubernetes/clusters, node pools nested
	Databases     []map[string]any // GET /v2/databases, not paginated
	Apps          []map[string]any // GET /v2/apps
	Firewalls     []map[string]any // GET /v2/firewalls
	LoadBalancers []map[string]any // GET /v2/load_balancers

	DatabaseFirewalls  map[string][]map[string]any // GET /v2/databases/{id}/firewall: "rules", not paginated
	KubernetesUpgrades map[string][]map[string]any // GET /v2/kubernetes/clusters/{id}/upgrades: "available_upgrade_versions", nil for null
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
// The rules and upgrades belong to the example database and cluster.
func Examples() Account {
	a := Account{
		Info:          exampleObject("account.json", "account"),
		Droplets:      exampleList("droplets.json", "droplets"),
		GPUDroplets:   exampleList("droplets.gpu_droplets.json", "droplets"),
		Clusters:      exampleList("kubernetes_clusters.json", "kubernetes_clusters"),
		Databases:     exampleList("databases.json", "databases"),
		Apps:          exampleList("apps.json", "apps"),
		Firewalls:     exampleList("firewalls.json", "firewalls"),
		LoadBalancers: exampleList("load_balancers.json", "load_balancers"),
	}
	a.DatabaseFirewalls = map[string][]map[string]any{
		idOf(a.Databases[0]): exampleList("databases_firewall.json", "rules"),
	}
	a.KubernetesUpgrades = map[string][]map[string]any{
		idOf(a.Clusters[0]): exampleList("kubernetes_upgrades.json", "available_upgrade_versions"),
	}
	return a
}

// idOf is the string id of an object, or "" when it has none.
func idOf(object map[string]any) string {
	id, _ := object["id"].(string)
	return id
}

func exampleObject(file, key string) map[string]any {
	var body map[string]map[string]any
	mustDecode(ExampleFile(file), &body)
	return body[key]
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
