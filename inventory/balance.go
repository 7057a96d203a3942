package inventory

import (
	"context"
	"fmt"
	"time"

	"github.com/digitalocean/godo"
)

// KindBalance is the account's balance: what it owes and has used this month.
const KindBalance = "balance"

// Balance is the account's balance as the API last gave it. An amount the
// API wrote in a form the exporter cannot read is unknown, not zero.
type Balance struct {
	MonthToDateUsage   Amount    // used in the current billing period, as of GeneratedAt
	AccountBalance     Amount    // the balance before this month's usage
	MonthToDateBalance Amount    // the balance with this month's usage
	GeneratedAt        time.Time // zero when the API did not say
}

// Balances reads the balance, one request per refresh.
var Balances = newList(listSpec[*godo.Balance, Balance]{
	Name: KindBalance, Label: "Balance", Scope: "billing:read",
	Fetch: fetchBalance,
	Map:   func(b *godo.Balance) []Balance { return []Balance{mapBalance(b)} },
})

// fetchBalance reads the balance. An answer with no amount the exporter
// can read is unusable, so the refresh fails and the last good balance stays.
func fetchBalance(ctx context.Context, c *godo.Client) (*godo.Balance, error) {
	b, _, err := c.Balance.Get(ctx)
	switch {
	case err != nil:
		return nil, fmt.Errorf("get balance: %w", err)
	case b == nil:
		return nil, fmt.Errorf("get balance: %w", errIncompleteAnswer)
	}
	if m := mapBalance(b); !m.MonthToDateUsage.Known && !m.AccountBalance.Known && !m.MonthToDateBalance.Known {
		return nil, fmt.Errorf("get balance: no amount: %w", errIncompleteAnswer)
	}
	return b, nil
}

func mapBalance(b *godo.Balance) Balance {
	return Balance{
		MonthToDateUsage:   amountOf(b.MonthToDateUsage),
		AccountBalance:     amountOf(b.AccountBalance),
		MonthToDateBalance: amountOf(b.MonthToDateBalance),
		GeneratedAt:        b.GeneratedAt,
	}
}

// minForecastElapsed is how much of a month must have passed before its
// usage is projected: a few hours' usage says little of a month.
const minForecastElapsed = 24 * time.Hour

// ForecastMonth projects the month-to-date usage linearly to the end of the
// month (UTC) it is for: usage × the month's length ÷ the time elapsed. The
// usage is as of GeneratedAt, or as of listedAt when the API did not say.
// False when the usage is unknown, or less than a day of the month has
// passed.
func (b *Balance) ForecastMonth(listedAt time.Time) (float64, bool) {
	at := b.GeneratedAt
	if at.IsZero() {
		at = listedAt
	}
	start, end := monthOf(at)
	elapsed := at.Sub(start)
	if !b.MonthToDateUsage.Known || elapsed < minForecastElapsed {
		return 0, false
	}
	return b.MonthToDateUsage.Dollars * end.Sub(start).Hours() / elapsed.Hours(), true
}

// monthOf is the start of t's month in UTC, and the start of the next.
func monthOf(t time.Time) (start, next time.Time) {
	t = t.UTC()
	start = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 1, 0)
}
