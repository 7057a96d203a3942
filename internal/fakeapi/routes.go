package fakeapi

import (
	"net/http"
	"net/url"
	"strings"
)

// routeFunc builds the body of a successful answer from the content.
type routeFunc func(c *content, r *http.Request) ([]byte, *apiError)

// idWildcard stands for one path segment in a route template; the route
// reads it as r.PathValue("id").
const idWildcard = "{id}"

// routeTable maps the URL paths the fake serves, by path or path template,
// to what serves them: the account, and each path of the lists table.
type routeTable map[string]routeFunc

func newRouteTable() routeTable {
	routes := routeTable{"/v2/account": accountBody}
	for _, l := range lists {
		routes[l.path] = listsAt(l.path)
	}
	monitoringRoutes(routes)
	return routes
}

// listsAt serves the lists at one path: the one whose query the request
// has, or the one with no query. A path whose lists all need a query the
// request lacks is not found: the fake does not guess what else the API
// would list there (public images, say).
func listsAt(path string) routeFunc {
	var at []*list
	for i := range lists {
		if lists[i].path == path {
			at = append(at, &lists[i])
		}
	}
	return func(c *content, r *http.Request) ([]byte, *apiError) {
		l := pickList(at, r.URL.Query())
		if l == nil {
			return nil, errorFor(http.StatusNotFound)
		}
		return serveList(c, r, l)
	}
}

func pickList(at []*list, q url.Values) *list {
	var plain *list
	for _, l := range at {
		key, value, _ := strings.Cut(l.query, "=")
		switch {
		case l.query == "":
			plain = l
		case q.Get(key) == value:
			return l
		}
	}
	return plain
}

// find returns the template of the route that serves r's path ("" and nil
// for none) and sets r's path value "id" from it.
func (routes routeTable) find(r *http.Request) (template string, build routeFunc) {
	path := r.URL.Path
	if build, ok := routes[path]; ok {
		return path, build
	}
	for template, build := range routes {
		if id, ok := fillTemplate(template, path); ok {
			r.SetPathValue("id", id)
			return template, build
		}
	}
	return "", nil
}

// fillTemplate tells whether path fits template, and what stands in for
// its {id}: one non-empty path segment. A template without {id} fits only
// itself.
func fillTemplate(template, path string) (id string, ok bool) {
	before, after, hasID := strings.Cut(template, idWildcard)
	if !hasID {
		return "", path == template
	}
	rest, ok := strings.CutPrefix(path, before)
	if !ok {
		return "", false
	}
	id, ok = strings.CutSuffix(rest, after)
	return id, ok && id != "" && !strings.Contains(id, "/")
}

// respond sends what a route built: its body, or its error.
func (a *answer) respond(body []byte, err *apiError) {
	if err != nil {
		a.fail(err)
		return
	}
	a.send(http.StatusOK, body)
}
