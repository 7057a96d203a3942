package fakeapi

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// The billing routes answer from the account's balance and its day's bill
// (the BillingInsights list), and from the clock: the balance's month to
// date is the day's bill times the days of the month so far, and billing
// insights give the day's data points once for each day asked, up to
// today, so that the two always agree.
const (
	balancePath  = "/v2/customers/my/balance"
	insightsPath = "/v2/billing/{id}/insights/{start_date}/{end_date}"
	dateLayout   = "2006-01-02"
	// maxInsightsDays is how far end_date may be from start_date: "Must be
	// within 31 days of start_date".
	maxInsightsDays = 31
)

func balanceBody(now func() time.Time) routeFunc {
	return func(c *content, _ *http.Request) ([]byte, *apiError) {
		if len(c.lists[Balance]) == 0 {
			return nil, errorFor(http.StatusNotFound)
		}
		var balance map[string]any
		mustDecode(c.lists[Balance][0], &balance)
		t := now().UTC()
		usage := dayCents(c) * int64(t.Day())
		owed, _ := balance["account_balance"].(string)
		balance["month_to_date_usage"] = dollars(usage)
		balance["month_to_date_balance"] = dollars(cents(owed) + usage)
		balance["generated_at"] = stamp(t.Truncate(time.Second))
		body, _ := json.Marshal(balance)
		return body, nil
	}
}

// insightsBody serves GET /v2/billing/{account_urn}/insights/{start_date}/{end_date}:
// a page of the data points of the days asked, with the endpoint's own
// paging fields.
func insightsBody(now func() time.Time) routeFunc {
	return func(c *content, r *http.Request) ([]byte, *apiError) {
		start, end, err := insightsRange(r)
		if err != nil {
			return nil, err
		}
		team := teamURN(c)
		if urn := r.PathValue("id"); urn != team && !strings.HasPrefix(urn, "do:teamgroup:") {
			return nil, errorFor(http.StatusNotFound)
		}
		p, err := parsePage(r.URL.Query(), false)
		if err != nil {
			return nil, err
		}
		if today := now().UTC().Truncate(24 * time.Hour); end.After(today) {
			end = today // no usage yet
		}
		points := dataPoints{day: c.lists[BillingInsights], first: start, days: int(end.Sub(start).Hours()/24) + 1, team: team}
		body, _ := json.Marshal(struct {
			DataPoints  []json.RawMessage `json:"data_points"`
			TotalItems  int               `json:"total_items"`
			TotalPages  int               `json:"total_pages"`
			CurrentPage int               `json:"current_page"`
		}{points.page(p), points.total(), p.last(points.total()), p.number})
		return body, nil
	}
}

// insightsRange reads the dates of an insights request as the API checks them.
func insightsRange(r *http.Request) (start, end time.Time, _ *apiError) {
	start, errStart := time.Parse(dateLayout, r.PathValue("start_date"))
	end, errEnd := time.Parse(dateLayout, r.PathValue("end_date"))
	switch {
	case errStart != nil:
		return start, end, badRequest("start_date must be a date in YYYY-MM-DD format.")
	case errEnd != nil:
		return start, end, badRequest("end_date must be a date in YYYY-MM-DD format.")
	case end.Before(start):
		return start, end, badRequest("end_date must not be before start_date.")
	case end.After(start.AddDate(0, 0, maxInsightsDays)):
		return start, end, badRequest("end_date must be within 31 days of start_date.")
	}
	return start, end, nil
}

// dataPoints are the day's points once for each of days days from first,
// dated and attributed to the team. Only the points of the page asked are
// made: a month of a large account's bill is many pages.
type dataPoints struct {
	day   []json.RawMessage
	first time.Time
	days  int
	team  string
}

func (d dataPoints) total() int { return max(d.days, 0) * len(d.day) }

func (d dataPoints) page(p page) []json.RawMessage {
	out := []json.RawMessage{}
	if p.number > p.last(d.total()) {
		return out
	}
	decoded := map[int]map[string]any{} // each of the day's points the page holds, decoded once
	for i := (p.number - 1) * p.size; i < min(p.number*p.size, d.total()); i++ {
		point, ok := decoded[i%len(d.day)]
		if !ok {
			mustDecode(d.day[i%len(d.day)], &point)
			point["usage_team_urn"] = d.team
			decoded[i%len(d.day)] = point
		}
		point["start_date"] = d.first.AddDate(0, 0, i/len(d.day)).Format(dateLayout)
		b, _ := json.Marshal(point)
		out = append(out, b)
	}
	return out
}

// dayCents is the day's bill in cents.
func dayCents(c *content) int64 {
	var total int64
	for _, raw := range c.lists[BillingInsights] {
		var point struct {
			Amount string `json:"total_amount"`
		}
		mustDecode(raw, &point)
		total += cents(point.Amount)
	}
	return total
}

// teamURN names the account's team as billing does: do:team:<uuid>.
func teamURN(c *content) string {
	var info struct {
		Team struct {
			UUID string `json:"uuid"`
		} `json:"team"`
	}
	mustDecode(c.info, &info)
	return "do:team:" + info.Team.UUID
}
