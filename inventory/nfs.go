package inventory

import (
	"context"
	"net/url"
	"time"

	"github.com/digitalocean/godo"
)

// KindNFS are NFS shares. The API lists them one region at a time, so they
// are read once for each region where the account has a VPC (a share is
// always in one).
const KindNFS = "nfs"

// NFSShare is one NFS share.
type NFSShare struct {
	ID        string
	Name      string
	Region    string
	Status    string // CREATING, ACTIVE, ...
	SizeBytes int64
	Created   time.Time
}

// NFSShares lists the shares of each region where the account has a VPC,
// by region.
var NFSShares = newDetail(detailSpec[VPC, []nfsWire, []NFSShare]{
	Name: KindNFS, Scope: "nfs:list", Parent: VPCs,
	ID: func(v *VPC) string { return v.Region },
	Get: func(ctx context.Context, c *godo.Client, region string) ([]nfsWire, error) {
		return wholeList[nfsWire]("NFS shares", "v2/nfs?region="+url.QueryEscape(region), "shares")(ctx, c)
	},
	Map: eachValue(mapNFSShare),
})

// nfsWire is the part of a share we read.
type nfsWire struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Region    string     `json:"region"`
	Status    string     `json:"status"`
	SizeGiB   int64      `json:"size_gib"`
	CreatedAt *time.Time `json:"created_at"`
}

func mapNFSShare(s *nfsWire) NFSShare {
	return NFSShare{ID: s.ID, Name: s.Name, Region: s.Region, Status: s.Status, SizeBytes: s.SizeGiB * gibibyte,
		Created: timeOf(s.CreatedAt)}
}
