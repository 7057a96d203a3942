package inventory

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/digitalocean/godo"
)

// KindBillingInsights is what was billed this month so far, from billing
// insights: day by day, per SKU, region and invoice item group.
const KindBillingInsights = "billing_insights"

// BilledMonth sums the billing insights of the month so far. An item whose
// amount the exporter cannot read makes its SKU and region, and its group,
// unknown (left out), never a smaller sum.
type BilledMonth struct {
	URN        string // the team (do:team:UUID) or organization (do:teamgroup:UUID) billed
	Start, End time.Time
	BySKU      map[SKURegion]float64
	// ByGroup sums the items of each invoice item group (a Kubernetes
	// cluster's name, say); items in no group are left out.
	ByGroup    map[string]float64
	DataPoints int
}

// SKURegion is what one billing series is for.
type SKURegion struct{ SKU, Region string }

// BillingInsights reads the month so far on the detail cadence: the data
// are nightly. It waits for the account's team, which names what is
// billed, unless the account's settings name an organization.
var BillingInsights = List[BilledMonth]{&Kind{
	name: KindBillingInsights, label: "Billing insights", scope: "billing:read", parent: KindAccount, detail: true,
	load: func(ctx context.Context, c *godo.Client, s *Snapshot) (any, error) {
		urn, err := accountURN(s)
		if err != nil {
			return nil, err
		}
		start, end := monthSoFar(clockOf(ctx)())
		points, err := fetchInsights(ctx, c, urn, start, end)
		if err == nil && !anyAmount(points) {
			err = fmt.Errorf("no amount: %w", errIncompleteAnswer)
		}
		if err != nil {
			return nil, fmt.Errorf("billing insights of %s: %w", urn, err)
		}
		return []BilledMonth{mapInsights(urn, start, end, points)}, nil
	},
}}

// errNoTeam is an account that is in no team and names no organization.
var errNoTeam = errors.New("the account has no team to read billing insights for; " +
	"name its organization_uuid in the config file")

// accountURN names what billing insights are read for: the organization
// the settings name, or the account's team.
func accountURN(s *Snapshot) (string, error) {
	if s.Settings.OrganizationUUID != "" {
		return "do:teamgroup:" + s.Settings.OrganizationUUID, nil
	}
	if info := s.Info(); info != nil && info.TeamUUID != "" {
		return "do:team:" + info.TeamUUID, nil
	}
	return "", errNoTeam
}

// insightsDays is the longest range the exporter asks for, in days after
// its first: the API takes an end date "within 31 days of start_date", and
// a month so far is at most 30 days after its first.
const insightsDays = 30

// monthSoFar is the range of the month of now so far, in UTC days: its
// first day to today, both included. On the first of a month it is that
// one day, whose data may not be there yet.
func monthSoFar(now time.Time) (start, end time.Time) {
	start, _ = monthOf(now)
	now = now.UTC()
	end = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if end.Sub(start) > insightsDays*24*time.Hour { // cannot happen; guards the API's limit
		start = end.AddDate(0, 0, -insightsDays)
	}
	return start, end
}

// dataPoint is what we read of one billing insights data point.
type dataPoint struct {
	Amount string `json:"total_amount"`
	Region string `json:"region"`
	SKU    string `json:"sku"`
	Group  string `json:"group_description"`
}

// fetchInsights follows the endpoint's own paging (current_page of
// total_pages; no links or meta) to the last page.
func fetchInsights(ctx context.Context, c *godo.Client, urn string, start, end time.Time) ([]dataPoint, error) {
	var all []dataPoint
	for page := 1; page <= maxPages; page++ {
		path := fmt.Sprintf("v2/billing/%s/insights/%s/%s?page=%d&per_page=%d",
			urn, start.Format(time.DateOnly), end.Format(time.DateOnly), page, perPage)
		req, err := c.NewRequest(ctx, http.MethodGet, path, nil)
		if err != nil {
			return nil, err
		}
		var body struct {
			DataPoints  *[]dataPoint `json:"data_points"` // nil when the key is missing
			TotalPages  int          `json:"total_pages"`
			CurrentPage int          `json:"current_page"`
		}
		if _, err := c.Do(ctx, req, &body); err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		switch {
		case body.DataPoints == nil:
			return nil, fmt.Errorf("page %d: no data_points: %w", page, errIncompleteAnswer)
		case body.CurrentPage != page:
			return nil, fmt.Errorf("page %d: the answer says it is page %d: %w", page, body.CurrentPage, errIncompleteAnswer)
		}
		all = append(all, *body.DataPoints...)
		if page >= body.TotalPages {
			return all, nil
		}
	}
	return nil, fmt.Errorf("more than %d pages", maxPages)
}

// anyAmount tells whether some data point has an amount the exporter can
// read, or there are none: an answer of amounts it cannot read at all is unusable.
func anyAmount(points []dataPoint) bool {
	for _, p := range points {
		if _, ok := parseDollars(p.Amount); ok {
			return true
		}
	}
	return len(points) == 0
}

// mapInsights sums the data points by SKU and region, and by group.
func mapInsights(urn string, start, end time.Time, points []dataPoint) BilledMonth {
	m := BilledMonth{URN: urn, Start: start, End: end, DataPoints: len(points)}
	bySKU, byGroup := sums[SKURegion]{}, sums[string]{}
	for _, p := range points {
		bySKU.add(SKURegion{p.SKU, p.Region}, p.Amount)
		if p.Group != "" {
			byGroup.add(p.Group, p.Amount)
		}
	}
	m.BySKU, m.ByGroup = bySKU.known(), byGroup.known()
	return m
}

// sums adds decimal amounts exactly by key (20 times 0.86 is 17.2, not
// 17.199999999999996); a key with an amount that is not one is unknown.
type sums[K comparable] map[K]*big.Rat // nil: unknown

func (s sums[K]) add(key K, amount string) {
	sum, seen := s[key]
	switch {
	case seen && sum == nil:
		return
	case !seen:
		sum = new(big.Rat)
	}
	if _, ok := parseDollars(amount); !ok {
		s[key] = nil
		return
	}
	a, _ := new(big.Rat).SetString(amount)
	s[key] = sum.Add(sum, a)
}

func (s sums[K]) known() map[K]float64 {
	out := make(map[K]float64, len(s))
	for key, sum := range s {
		if sum != nil {
			out[key], _ = sum.Float64()
		}
	}
	return out
}
