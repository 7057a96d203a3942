package fakeapi

import "net/http"

// routeFunc builds the body of a successful answer from the content.
type routeFunc func(c *content, r *http.Request) ([]byte, *apiError)

// routes are the URL paths the fake serves.
var routes = map[string]routeFunc{
	"/v2/account":             accountBody,
	"/v2/droplets":            dropletsBody,
	"/v2/kubernetes/clusters": clustersBody,
	"/v2/databases":           databasesBody,
	"/v2/apps":                appsBody,
}

func route(a *answer, r *http.Request, c *content) {
	build, ok := routes[r.URL.Path]
	if !ok {
		a.fail(errorFor(http.StatusNotFound))
		return
	}
	body, err := build(c, r)
	if err != nil {
		a.fail(err)
		return
	}
	a.send(http.StatusOK, body)
}

func accountBody(c *content, _ *http.Request) ([]byte, *apiError) {
	b := append([]byte(`{"account":`), c.info...)
	return append(b, '}'), nil
}

// dropletsBody lists GPU droplets for type=gpus and the others otherwise,
// as the API does.
func dropletsBody(c *content, r *http.Request) ([]byte, *apiError) {
	if r.URL.Query().Get("type") == "gpus" {
		return pagedList("droplets", c.gpuDroplets, r)
	}
	return pagedList("droplets", c.droplets, r)
}

func clustersBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("kubernetes_clusters", c.clusters, r)
}

func appsBody(c *content, r *http.Request) ([]byte, *apiError) {
	return pagedList("apps", c.apps, r)
}

// databasesBody lists every database at once: the endpoint has no pages,
// links or meta, and ignores page and per_page.
func databasesBody(c *content, _ *http.Request) ([]byte, *apiError) {
	return append(openList("databases", c.databases, 1), '}'), nil
}
