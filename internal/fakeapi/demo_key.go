package fakeapi

import (
	"crypto/sha1"
	"fmt"
	"strings"
)

// demoSSHKeys are the account's SSH keys.
var demoSSHKeys = []string{"ops-laptop", "ci-deploy", "bastion-emergency"}

func (b builder) sshKey(i int) map[string]any {
	k := cloneObject(b.template(SSHKeys, 0))
	name := numbered(demoSSHKeys[i%len(demoSSHKeys)], i/len(demoSSHKeys))
	k["id"], k["name"] = 41000000+i, name
	h := sha1.Sum([]byte("ssh key " + name))
	pairs := make([]string, 16)
	for j := range pairs {
		pairs[j] = fmt.Sprintf("%02x", h[j])
	}
	k["fingerprint"] = strings.Join(pairs, ":")
	k["public_key"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + fmt.Sprintf("%x", h) + " " + name
	return k
}

// spacesKeyPlan is a Spaces key of the demo and what it may do.
type spacesKeyPlan struct {
	name   string
	grants [][2]string // bucket, permission
}

// spacesKeyPlans: the shop's key writes its assets bucket, the backup job
// reads its bucket, and an old key may do anything to every bucket.
var spacesKeyPlans = []spacesKeyPlan{
	{"storefront-assets-rw", [][2]string{{"storefront-assets", "readwrite"}}},
	{"backup-reader", [][2]string{{"db-backups", "read"}, {"storefront-assets", "read"}}},
	{"legacy-admin", [][2]string{{"", "fullaccess"}}},
}

func (b builder) spacesKey(i int) map[string]any {
	p := spacesKeyPlans[i%len(spacesKeyPlans)]
	k := cloneObject(b.template(SpacesKeys, 0))
	k["name"] = numbered(p.name, i/len(spacesKeyPlans))
	k["access_key"] = strings.ToUpper("DO" + shortSuffix("spaces key", i) + shortSuffix("access", i) + "EXAMPLE")
	grants := make([]any, len(p.grants))
	for j, g := range p.grants {
		grants[j] = map[string]any{"bucket": g[0], "permission": g[1]}
	}
	k["grants"] = grants
	k["created_at"] = stamp(createdAt(i, b.size[SpacesKeys]))
	return k
}
