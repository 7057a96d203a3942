package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

// KindAccount is the account itself; it is always refreshed, as
// digitalocean_up depends on it.
const KindAccount = "account"

// AccountInfo is the account itself. The e-mail address is left out on purpose.
type AccountInfo struct {
	UUID     string
	Status   string
	TeamUUID string
	TeamName string
}

// Account lists the one account the token belongs to.
var Account = newList(listSpec[*godo.Account, AccountInfo]{
	Name: KindAccount, Label: "Account", Scope: "account:read",
	Fetch: fetchAccount,
	Map:   func(a *godo.Account) []AccountInfo { return []AccountInfo{mapAccount(a)} },
})

// Info is the account's own information, or nil while it is unknown.
func (s *Snapshot) Info() *AccountInfo { return Account.One(s) }

func fetchAccount(ctx context.Context, c *godo.Client) (*godo.Account, error) {
	account, _, err := c.Account.Get(ctx)
	switch {
	case err != nil:
		return nil, fmt.Errorf("get account: %w", err)
	case account == nil:
		return nil, fmt.Errorf("get account: %w", errIncompleteAnswer)
	}
	return account, nil
}

// mapAccount keeps what identifies the account, and not the owner's e-mail.
func mapAccount(a *godo.Account) AccountInfo {
	info := AccountInfo{UUID: a.UUID, Status: a.Status}
	if a.Team != nil {
		info.TeamUUID, info.TeamName = a.Team.UUID, a.Team.Name
	}
	return info
}
