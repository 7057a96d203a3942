package fakeapi

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
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
	tokens       bool // the list names its pages past the first by a page_token
}

// parsePage reads page and per_page, or, for a list paged by tokens, the
// page_token its next link gave: such a list refuses a page past the
// first without one.
func parsePage(q url.Values, tokens bool) (page, *apiError) {
	number, err := positiveParam(q, "page", 1)
	if err != nil {
		return page{}, err
	}
	size, err := positiveParam(q, "per_page", defaultPerPage)
	if err != nil {
		return page{}, err
	}
	if tokens {
		if number, err = tokenPage(q.Get("page_token"), number); err != nil {
			return page{}, err
		}
	}
	return page{number: number, size: min(size, maxPerPage), tokens: tokens}, nil
}

// pageToken names page n of a list paged by tokens.
func pageToken(n int) string {
	return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, `{"page":%d}`, n))
}

// tokenPage is the page a page_token names; without a token, only the
// first page can be asked for.
func tokenPage(token string, number int) (int, *apiError) {
	if token == "" && number == 1 {
		return 1, nil
	}
	var named struct{ Page int }
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || json.Unmarshal(raw, &named) != nil || named.Page < 1 {
		return 0, badRequest("page_token is missing or not one this list gave.")
	}
	return named.Page, nil
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
		l.First = pageURL(r, page{1, p.size, false})
		l.Prev = pageURL(r, page{p.number - 1, p.size, p.tokens && p.number > 2})
	}
	if p.number < last {
		l.Next = pageURL(r, page{p.number + 1, p.size, p.tokens})
		l.Last = pageURL(r, page{last, p.size, false})
	}
	return l
}

// pageURL is the absolute URL of page p of r's list, on the host r was sent
// to, keeping r's other query parameters; with the page's token, for a
// list paged by tokens.
func pageURL(r *http.Request, p page) string {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(p.number))
	q.Set("per_page", strconv.Itoa(p.size))
	q.Del("page_token")
	if p.tokens {
		q.Set("page_token", pageToken(p.number))
	}
	u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	if r.TLS != nil {
		u.Scheme = "https"
	}
	return u.String()
}

// pagedList is the body of one page of a list: the page's items, the links
// to other pages and the total.
func pagedList(l *list, all []json.RawMessage, r *http.Request) ([]byte, *apiError) {
	key := l.key
	p, err := parsePage(r.URL.Query(), l.tokens)
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
