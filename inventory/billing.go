package inventory

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/digitalocean/godo"
)

// KindBillingInsights is what was billed this month so far, from billing
// insights: day by day, per SKU, region and invoice item group.
const KindBillingInsights = "billing_insights"

// BillingInsights reads the month so far on the detail cadence. It waits
// for the account's team, which names what is billed, unless the account's
// settings name an organization.
//
// The data are nightly invoice items, one per billed item a day, so a
// large account's month is many pages. A refresh reads again only the
// days from the one before the last read's last day (a day's items do not
// change once its night has passed) and keeps the days before from the
// last read; the whole month is read again at the start of a month, for
// another account URN, and at least once every wholeMonthEvery.
var BillingInsights = List[BilledMonth]{&Kind{
	name: KindBillingInsights, label: "Billing insights", scope: "billing:read", parent: KindAccount, detail: true,
	load: loadInsights,
}}

// wholeMonthEvery is how often the whole month is read again, in case the
// API changed a day it had given.
const wholeMonthEvery = 24 * time.Hour

func loadInsights(ctx context.Context, c *godo.Client, s *Snapshot) (any, error) {
	urn, err := accountURN(s)
	if err != nil {
		return nil, err
	}
	now := clockOf(ctx)()
	start, end := monthSoFar(now)
	var last *BilledMonth
	if months := listOf[BilledMonth](s, KindBillingInsights); len(months) > 0 {
		last = &months[0]
	}
	from := start
	if last != nil && last.URN == urn && last.Start.Equal(start) && !last.End.After(end) && now.Sub(last.ReadWhole) < wholeMonthEvery {
		from = latest(start, last.End.AddDate(0, 0, -1))
	}
	points, err := fetchInsights(ctx, c, urn, from, end)
	if err == nil && !anyAmount(points) {
		err = fmt.Errorf("no amount: %w", errIncompleteAnswer)
	}
	if err != nil {
		return nil, fmt.Errorf("billing insights of %s: %w", urn, err)
	}
	days, readWhole := billedDays(points), now
	if from.After(start) {
		days, readWhole = last.daysBefore(from, days), last.ReadWhole
	}
	return []BilledMonth{newBilledMonth(urn, start, end, readWhole, days)}, nil
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

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

// dataPoint is what we read of one billing insights data point.
type dataPoint struct {
	Date   string `json:"start_date"`
	Amount string `json:"total_amount"`
	Region string `json:"region"`
	SKU    string `json:"sku"`
	Group  string `json:"group_description"`
}

// fetchInsights follows the endpoint's own paging (current_page of
// total_pages; no links or meta) to the last page.
func fetchInsights(ctx context.Context, c *godo.Client, urn string, start, end time.Time) ([]dataPoint, error) {
	urn = url.PathEscape(urn)
	ctx = aboutObject(ctx, urn) // the request metrics name the route, not the account
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
