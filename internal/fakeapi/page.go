package fakeapi

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// The API's page sizes.
const (
	defaultPerPage = 20
	maxPerPage     = 200
)

// page is the page a request asks for.
type page struct {
	number, size int
}

func parsePage(q url.Values) (page, *apiError) {
	number, err := positiveParam(q, "page", 1)
	if err != nil {
		return page{}, err
	}
	size, err := positiveParam(q, "per_page", defaultPerPage)
	if err != nil {
		return page{}, err
	}
	return page{number: number, size: min(size, maxPerPage)}, nil
}

func positiveParam(q url.Values, name string, fallback int) (int, *apiError) {
	text := q.Get(name)
	if text == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 {
		return 0, badRequest(name + " must be a whole number of at least 1.")
	}
	return n, nil
}

// last is the number of the last page of total items; no items make one
// empty page.
func (p page) last(total int) int {
	return max(1, (total+p.size-1)/p.size)
}

// of returns the items on p; a page past the end has none.
func (p page) of(all []json.RawMessage) []json.RawMessage {
	if p.number > p.last(len(all)) {
		return nil
	}
	start := (p.number - 1) * p.size
	return all[start:min(start+p.size, len(all))]
}

// links are the API's links.pages: first and prev after page 1, next and
// last before the last page.
type links struct {
	First string `json:"first,omitempty"`
	Prev  string `json:"prev,omitempty"`
	Next  string `json:"next,omitempty"`
	Last  string `json:"last,omitempty"`
}

func (p page) links(r *http.Request, total int) links {
	var l links
	last := p.last(total)
	if p.number > 1 {
		l.First = pageURL(r, page{1, p.size})
		l.Prev = pageURL(r, page{p.number - 1, p.size})
	}
	if p.number < last {
		l.Next = pageURL(r, page{p.number + 1, p.size})
		l.Last = pageURL(r, page{last, p.size})
	}
	return l
}

// pageURL is the absolute URL of page p of r's list, on the host r was sent
// to, keeping r's other query parameters.
func pageURL(r *http.Request, p page) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(p.number))
	q.Set("per_page", strconv.Itoa(p.size))
	u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	if r.TLS != nil {
		u.Scheme = "https"
	}
	return u.String()
}

// pagedList is the body of one page of a list: the page's items, the links
// to other pages and the total.
func pagedList(key string, all []json.RawMessage, r *http.Request) ([]byte, *apiError) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	pages, _ := json.Marshal(p.links(r, len(all)))
	b := openList(key, p.of(all), len(pages)+64)
	b = append(b, `,"links":{"pages":`...)
	b = append(b, pages...)
	b = append(b, `},"meta":{"total":`...)
	b = strconv.AppendInt(b, int64(len(all)), 10)
	return append(b, "}}"...), nil
}

// wholeList is the body of a list that has no pages: every item, without
// links or meta.
func wholeList(key string, items []json.RawMessage) []byte {
	return append(openList(key, items, 1), '}')
}

// openList joins items into `{"key":[...]` and leaves room for tail more
// bytes, so a whole page is one allocation and no object is encoded again.
func openList(key string, items []json.RawMessage, tail int) []byte {
	size := len(key) + len(items) + tail + 8
	for _, item := range items {
		size += len(item)
	}
	b := make([]byte, 0, size)
	b = append(b, `{"`...)
	b = append(b, key...)
	b = append(b, `":[`...)
	for i, item := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, item...)
	}
	return append(b, ']')
}
