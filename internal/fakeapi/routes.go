package fakeapi

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// routeFunc builds the body of a successful answer from the content.
type routeFunc func(c *content, r *http.Request) ([]byte, *apiError)

// routeTable maps the URL paths the fake serves, by path or path template,
// to what serves them: the account, each path of the lists table, and the
// billing routes, which read the clock now.
type routeTable map[string]routeFunc

func newRouteTable(now func() time.Time) routeTable {
	routes := routeTable{"/v2/account": accountBody, balancePath: balanceBody(now), insightsPath: insightsBody(now)}
	for _, l := range lists {
		if l.path != "" {
			routes[l.path] = listsAt(l.path)
		}
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
// for none) and sets r's path values from it: "id" for {id}, and so on.
func (routes routeTable) find(r *http.Request) (template string, build routeFunc) {
	path := r.URL.Path
	if build, ok := routes[path]; ok {
		return path, build
	}
	for template, build := range routes {
		if values, ok := fillTemplate(template, path); ok {
			for name, value := range values {
				r.SetPathValue(name, value)
			}
			return template, build
		}
	}
	return "", nil
}

// fillTemplate tells whether path fits template, and what stands in for
// each of its wildcards ({id}, {start_date}): one non-empty path segment
// each. A template without wildcards fits only itself.
func fillTemplate(template, path string) (values map[string]string, ok bool) {
	want, got := strings.Split(template, "/"), strings.Split(path, "/")
	if len(want) != len(got) {
		return nil, false
	}
	values = map[string]string{}
	for i, segment := range want {
		name, isWildcard := wildcard(segment)
		switch {
		case isWildcard && got[i] != "":
			values[name] = got[i]
		case segment != got[i]:
			return nil, false
		}
	}
	return values, true
}

// wildcard reads a template segment such as {id} as its name.
func wildcard(segment string) (name string, ok bool) {
	if len(segment) > 2 && segment[0] == '{' && segment[len(segment)-1] == '}' {
		return segment[1 : len(segment)-1], true
	}
	return "", false
}

// respond sends what a route built: its body, or its error.
func (a *answer) respond(body []byte, err *apiError) {
	if err != nil {
		a.fail(err)
		return
	}
	a.send(http.StatusOK, body)
}
