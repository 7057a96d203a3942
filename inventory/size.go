package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

// The platform's price lists: what each Droplet size (and so each node of
// a Kubernetes node pool) and each App Platform instance size costs. They
// change seldom, so they are read on the detail cadence.
const (
	KindSizes            = "sizes"
	KindAppInstanceSizes = "app_instance_sizes"
)

// Size is a Droplet size with its list prices in dollars; a price the API
// does not give is 0.
type Size struct {
	Slug         string
	PriceMonthly float64
	PriceHourly  float64
}

// Sizes lists the Droplet sizes: the prices of node pools' nodes. The
// endpoint needs two scopes together.
var Sizes = newList(listSpec[[]godo.Size, Size]{
	Name: KindSizes, Label: "Sizes", Scope: "sizes:read,regions:read", Cadence: DetailCadence,
	Fetch: paged("sizes", func(c *godo.Client) listFunc[godo.Size] { return c.Sizes.List }),
	Map:   eachValue(mapSize),
})

func mapSize(s *godo.Size) Size {
	return Size{Slug: s.Slug, PriceMonthly: s.PriceMonthly, PriceHourly: s.PriceHourly}
}

// AppInstanceSize is an App Platform instance size with its list price.
type AppInstanceSize struct {
	Slug         string
	PriceMonthly Amount // the API's usd_per_month, a decimal string
}

// AppInstanceSizes lists the instance sizes of App Platform components, in
// one request: the endpoint is not paginated.
var AppInstanceSizes = newList(listSpec[[]instanceSizeWire, AppInstanceSize]{
	Name: KindAppInstanceSizes, Label: "App instance sizes", Scope: "app:read", Cadence: DetailCadence,
	Fetch: fetchInstanceSizes,
	Map:   eachValue(mapInstanceSize),
})

func mapInstanceSize(s *instanceSizeWire) AppInstanceSize {
	return AppInstanceSize{Slug: s.Slug, PriceMonthly: amountOf(s.USDPerMonth)}
}

// instanceSizeWire is what we read of an instance size.
type instanceSizeWire struct {
	Slug        string `json:"slug"`
	USDPerMonth string `json:"usd_per_month"`
}

// fetchInstanceSizes reads the whole list. An answer without the list, or
// whose sizes carry no price the exporter can read, is unusable.
func fetchInstanceSizes(ctx context.Context, c *godo.Client) ([]instanceSizeWire, error) {
	sizes, err := wholeList[instanceSizeWire]("app instance sizes", "v2/apps/tiers/instance_sizes", "instance_sizes")(ctx, c)
	if err == nil && !anyPriced(sizes) {
		err = fmt.Errorf("list app instance sizes: no size with a price: %w", errIncompleteAnswer)
	}
	return sizes, err
}

func anyPriced(sizes []instanceSizeWire) bool {
	for _, s := range sizes {
		if _, ok := parseDollars(s.USDPerMonth); ok {
			return true
		}
	}
	return false
}
