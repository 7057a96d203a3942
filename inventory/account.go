package inventory

import (
	"cmp"
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
	// The most Droplets, volumes and reserved IPs the account may have,
	// as the API says; Known is false for a limit it does not give.
	DropletLimit, VolumeLimit, ReservedIPLimit Limit
}

// Limit is one of the account's limits.
type Limit struct {
	N     int
	Known bool
}

// Account lists the one account the token belongs to.
var Account = newList(listSpec[*accountWire, AccountInfo]{
	Name: KindAccount, Label: "Account", Scope: "account:read",
	Fetch: fetchAccount,
	Map:   func(a *accountWire) []AccountInfo { return []AccountInfo{mapAccount(a)} },
})

// Info is the account's own information, or nil while it is unknown.
func (s *Snapshot) Info() *AccountInfo { return Account.One(s) }

// accountWire is the part of the account we read: the owner's e-mail and
// name are never decoded. godo's Account cannot tell a limit the API left
// out from a limit of 0.
type accountWire struct {
	UUID   string `json:"uuid"`
	Status string `json:"status"`
	Team   *struct {
		UUID string `json:"uuid"`
		Name string `json:"name"`
	} `json:"team"`
	DropletLimit    *int `json:"droplet_limit"`
	VolumeLimit     *int `json:"volume_limit"`
	ReservedIPLimit *int `json:"reserved_ip_limit"`
	FloatingIPLimit *int `json:"floating_ip_limit"` // the older name, the one the API documents
}

func fetchAccount(ctx context.Context, c *godo.Client) (*accountWire, error) {
	account, err := getObject[accountWire](ctx, c, "v2/account", "account")
	if err != nil {
		return nil, fmt.Errorf("get account: %w", err)
	}
	return account, nil
}

// mapAccount keeps what identifies the account, and its limits.
func mapAccount(a *accountWire) AccountInfo {
	info := AccountInfo{UUID: a.UUID, Status: a.Status, DropletLimit: limitOf(a.DropletLimit),
		VolumeLimit: limitOf(a.VolumeLimit), ReservedIPLimit: limitOf(cmp.Or(a.ReservedIPLimit, a.FloatingIPLimit))}
	if a.Team != nil {
		info.TeamUUID, info.TeamName = a.Team.UUID, a.Team.Name
	}
	return info
}

func limitOf(n *int) Limit {
	if n == nil {
		return Limit{}
	}
	return Limit{N: *n, Known: true}
}
