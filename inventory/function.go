package inventory

import "time"

// KindFunctions are Functions namespaces.
const KindFunctions = "functions"

// FunctionsNamespace is one Functions namespace. Its key, which with its
// UUID authenticates to it, is never decoded.
type FunctionsNamespace struct {
	ID      string // the namespace (fn-...), as the API's paths name it
	Label   string
	Region  string
	Created time.Time
}

// FunctionsNamespaces lists the account's Functions namespaces in one
// request: the endpoint is not paginated. godo's FunctionsNamespace would
// decode each one's key.
var FunctionsNamespaces = newList(listSpec[[]functionsNamespaceWire, FunctionsNamespace]{
	Name: KindFunctions, Label: "Functions namespaces", Scope: "function:read and function:admin",
	Fetch: wholeList[functionsNamespaceWire]("Functions namespaces", "v2/functions/namespaces", "namespaces"),
	Map:   eachValue(mapFunctionsNamespace),
})

func mapFunctionsNamespace(n *functionsNamespaceWire) FunctionsNamespace {
	return FunctionsNamespace{ID: n.Namespace, Label: n.Label, Region: n.Region, Created: parseTime(n.CreatedAt)}
}

// functionsNamespaceWire is the part of a namespace we read: not its key.
type functionsNamespaceWire struct {
	Namespace string `json:"namespace"`
	Label     string `json:"label"`
	Region    string `json:"region"`
	CreatedAt string `json:"created_at"`
}
