package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

// perPage is the largest page the API serves.
const perPage = 200

// maxPages stops a server whose links never end from looping us forever:
// 2,000 pages of 200 are 400,000 objects of one kind.
const maxPages = 2000

type listFunc[T any] func(context.Context, *godo.ListOptions) ([]T, *godo.Response, error)

// listAll follows pagination to the last page, as the links say; it never
// guesses the end from an empty or short page.
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
