package inventory

import (
	"context"
	"fmt"

	"github.com/digitalocean/godo"
)

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
func mapAccount(a *godo.Account) *AccountInfo {
	info := &AccountInfo{UUID: a.UUID, Status: a.Status}
	if a.Team != nil {
		info.TeamUUID, info.TeamName = a.Team.UUID, a.Team.Name
	}
	return info
}
