package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

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
}

// wholeList reads a list the API does not paginate, under key, into our
// own type T, in one request. An answer without the key, or with null under
// it, is incomplete, not an empty list.
func wholeList[T any](ctx context.Context, c *godo.Client, what, path, key string) ([]T, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	var body map[string]json.RawMessage
	if _, err := c.Do(ctx, req, &body); err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	if raw, ok := body[key]; !ok || string(raw) == "null" {
		return nil, fmt.Errorf("list %s: no %q: %w", what, key, errIncompleteAnswer)
	}
	var items []T
	if err := decodeField(body, key, &items); err != nil {
		return nil, fmt.Errorf("list %s: %w", what, err)
	}
	return items, nil
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
