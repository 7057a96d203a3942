package inventory

import (
	"slices"
	"time"
)

// Key kinds: the SSH keys of the account, and the Spaces access keys. Each
// is listed on its own, with its own scope.
const (
	KindSSHKeys    = "ssh_keys"
	KindSpacesKeys = "spaces_keys"
)

// SSHKey is one SSH public key of the account; the key itself is left out.
type SSHKey struct {
	ID          int
	Name        string
	Fingerprint string
}

// SpacesKey is one Spaces access key: its name, what it may do to which
// buckets, and when it was made. Its access key ID and, were the API ever
// to send it, its secret are never decoded.
type SpacesKey struct {
	Name    string
	Grants  []SpacesGrant
	Created time.Time
}

// SpacesGrant is one permission of a Spaces key: read, readwrite or
// fullaccess on a bucket ("" for every bucket).
type SpacesGrant struct {
	Bucket, Permission string
}

// FullAccess is the permission of a key that may do anything to every bucket.
const FullAccess = "fullaccess"

// HasFullAccess tells whether the key may do anything to every bucket.
func (k *SpacesKey) HasFullAccess() bool {
	return slices.ContainsFunc(k.Grants, func(g SpacesGrant) bool { return g.Permission == FullAccess })
}

// SSHKeys lists the account's SSH keys. The endpoint has a limit of its own,
// 10 requests a minute: a refresh reads a page of 200 keys at a time.
var SSHKeys = newList(listSpec[[]sshKeyWire, SSHKey]{
	Name: KindSSHKeys, Label: "SSH keys", Scope: "ssh_key:read",
	Fetch: pagedRaw[sshKeyWire]("SSH keys", "v2/account/keys", "ssh_keys"),
	Map:   eachValue(func(k *sshKeyWire) SSHKey { return SSHKey(*k) }),
})

// SpacesKeys lists the Spaces access keys, decoded into our own type so
// that no secret field is ever read.
var SpacesKeys = newList(listSpec[[]spacesKeyWire, SpacesKey]{
	Name: KindSpacesKeys, Label: "Spaces keys", Scope: "spaces_key:read",
	Fetch: pagedRaw[spacesKeyWire]("Spaces keys", "v2/spaces/keys", "keys"),
	Map:   eachValue(mapSpacesKey),
})

// sshKeyWire is the part of an SSH key we read: not the public key.
type sshKeyWire struct {
	ID          int    `json:"id"`
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
}

// spacesKeyWire is the part of a Spaces key we read.
type spacesKeyWire struct {
	Name   string `json:"name"`
	Grants []struct {
		Bucket     string `json:"bucket"`
		Permission string `json:"permission"`
	} `json:"grants"`
	CreatedAt *time.Time `json:"created_at"`
}

func mapSpacesKey(k *spacesKeyWire) SpacesKey {
	key := SpacesKey{Name: k.Name, Created: timeOf(k.CreatedAt)}
	for _, g := range k.Grants {
		key.Grants = append(key.Grants, SpacesGrant(g))
	}
	return key
}
