package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/digitalocean/godo"
)

// perPage is the largest page the API serves.
const perPage = 200

// maxPages stops a server whose links never end from looping us forever:
// 2,000 pages of 200 are 400,000 objects of one kind.
const maxPages = 2000

type listFunc[T any] func(context.Context, *godo.ListOptions) ([]T, *godo.Response, error)

// listAll follows pagination to the last page, as the links say; it never
// guesses the end from an empty or short page. A list that ends short of
// the total its own meta gives (a page whose list key is missing, say)
// contradicts itself and fails: publishing it would make every object
// vanish from the metrics, and drift count them removed.
func listAll[T any](ctx context.Context, list listFunc[T]) ([]T, error) {
	opt := &godo.ListOptions{Page: 1, PerPage: perPage}
	var all []T
	for range maxPages {
		items, resp, err := list(ctx, opt)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", opt.Page, err)
		}
		// Every paginated answer carries meta; one without it (a proxy's
		// "{}", say) would otherwise read as an empty account.
		if resp.Meta == nil {
			return nil, fmt.Errorf("page %d: no meta: %w", opt.Page, errIncompleteAnswer)
		}
		if all == nil && resp.Meta.Total > len(items) {
			all = make([]T, 0, min(resp.Meta.Total, maxPages*perPage))
		}
		all = append(all, items...)
		if resp.Links == nil || resp.Links.IsLastPage() {
			if len(all) < resp.Meta.Total {
				return nil, fmt.Errorf("page %d: %d objects where meta says %d: %w", opt.Page, len(all), resp.Meta.Total, errIncompleteAnswer)
			}
			return all, nil
		}
		current, err := resp.Links.CurrentPage()
		if err != nil {
			return nil, fmt.Errorf("page %d: reading links: %w", opt.Page, err)
		}
		if current != opt.Page {
			return nil, fmt.Errorf("page %d: links say this is page %d", opt.Page, current)
		}
		opt.Page++
	}
	return nil, fmt.Errorf("more than %d pages", maxPages)
}

// rawList is the listFunc of a paginated path whose objects, under key, we
// decode into our own type T: for a list godo reads without its meta (a
// zone's records), or whose objects hold what we must never keep (a
// domain's zone file).
func rawList[T any](c *godo.Client, path, key string) listFunc[T] {
	return func(ctx context.Context, opt *godo.ListOptions) ([]T, *godo.Response, error) {
		target := fmt.Sprintf("%s?page=%d&per_page=%d", path, opt.Page, opt.PerPage)
		return getPage[T](ctx, c, target, key)
	}
}

// pagedRaw fetches every page of a paginated path into our own type T:
// paged over rawList.
func pagedRaw[T any](what, path, key string) func(context.Context, *godo.Client) ([]T, error) {
	return paged(what, func(c *godo.Client) listFunc[T] { return rawList[T](c, path, key) })
}

// tokenList reads every page of a list that names its pages past the
// first by a page_token in each page's next link (a registry's
// repositories), asking for 200 a page.
func tokenList[T any](ctx context.Context, c *godo.Client, path, key string) ([]T, error) {
	query := url.Values{"per_page": {strconv.Itoa(perPage)}}
	var all []T
	for page := 1; page <= maxPages; page++ {
		items, resp, err := getPage[T](ctx, c, path+"?"+query.Encode(), key)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		all = append(all, items...)
		if resp.Links == nil || resp.Links.IsLastPage() {
			return all, nil
		}
		next, err := url.Parse(resp.Links.Pages.Next)
		if err != nil || next.Query().Get("page_token") == "" || next.Query().Get("page_token") == query.Get("page_token") {
			return nil, fmt.Errorf("page %d: the next link %q names no new page_token: %w", page, resp.Links.Pages.Next, errIncompleteAnswer)
		}
		query = next.Query()
		query.Set("per_page", strconv.Itoa(perPage))
	}
	return nil, fmt.Errorf("more than %d pages", maxPages)
}

// getPage reads one page of a list into our own type T: its objects under
// key, which it must have, and its links and meta, if it has them.
func getPage[T any](ctx context.Context, c *godo.Client, target, key string) ([]T, *godo.Response, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, nil, err
	}
	var body map[string]json.RawMessage
	resp, err := c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	if _, ok := body[key]; !ok {
		return nil, resp, fmt.Errorf("no %q: %w", key, errIncompleteAnswer)
	}
	var items []T
	err = errors.Join(decodeField(body, key, &items), decodeField(body, "links", &resp.Links),
		decodeField(body, "meta", &resp.Meta))
	if err != nil {
		return nil, resp, err
	}
	return items, resp, nil
}

// getObject reads an answer that holds one object under key, such as
// {"state": {...}}, into our own type T.
func getObject[T any](ctx context.Context, c *godo.Client, path, key string) (*T, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	var body map[string]json.RawMessage
	if _, err := c.Do(ctx, req, &body); err != nil {
		return nil, err
	}
	var object *T
	if err := decodeField(body, key, &object); err != nil {
		return nil, err
	}
	if object == nil {
		return nil, fmt.Errorf("no %q: %w", key, errIncompleteAnswer)
	}
	return object, nil
}

// wholeList reads a list the API does not paginate, its objects under key
// decoded into our own type T, in one request.
func wholeList[T any](what, path, key string) func(context.Context, *godo.Client) ([]T, error) {
	return func(ctx context.Context, c *godo.Client) ([]T, error) {
		items, _, err := getPage[T](ctx, c, path, key)
		switch {
		case err != nil:
			return nil, fmt.Errorf("list %s: %w", what, err)
		case items == nil: // "key": null
			return nil, fmt.Errorf("list %s: %w", what, errIncompleteAnswer)
		}
		return items, nil
	}
}

// decodeField decodes body[key] into v, and leaves v alone when body has no key.
func decodeField(body map[string]json.RawMessage, key string, v any) error {
	raw, ok := body[key]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}
