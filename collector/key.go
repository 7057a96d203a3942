package collector

import (
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// KeysName is the collector of the account's SSH keys and Spaces keys.
const KeysName = "keys"

var (
	sshKeyInfo = newDesc("ssh_key", "info",
		"Each SSH key of the account with its fingerprint, as of the last refresh; value 1.", "id", "name", "fingerprint")
	spacesKeyInfo = newDesc("spaces_key", "info",
		"Each Spaces access key with each permission it grants (read, readwrite, fullaccess), as of the last refresh; value 1.",
		"name", "permission")
	spacesKeyCreated = newDesc("spaces_key", "created_timestamp_seconds",
		"When each Spaces access key was made, in Unix seconds (the oldest, for keys that share a name), as of the last refresh.",
		"name")
)

// newKeyCollector reads two lists, each listed on its own with its own
// scope: one that failed from the start is absent while the other shows.
func newKeyCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectKeys, sshKeyInfo, spacesKeyInfo, spacesKeyCreated)
}

func collectKeys(out emit, s *inventory.Snapshot) {
	for _, k := range inventory.SSHKeys.Of(s) {
		gauge(out, sshKeyInfo, 1, s.Account, strconv.Itoa(k.ID), k.Name, k.Fingerprint)
	}
	permissions, created := counts{}, map[string]time.Time{}
	for _, k := range inventory.SpacesKeys.Of(s) {
		if len(k.Grants) == 0 {
			permissions.add(k.Name, "")
		}
		for _, g := range k.Grants {
			permissions.add(k.Name, g.Permission)
		}
		if first, seen := created[k.Name]; !seen || first.IsZero() || (!k.Created.IsZero() && k.Created.Before(first)) {
			created[k.Name] = k.Created
		}
	}
	permissions.sendOnes(out, spacesKeyInfo, s.Account)
	for name, t := range created {
		timestamp(out, spacesKeyCreated, t, s.Account, name)
	}
}
