package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestKeyValuesFromExamples checks the key families against ssh_keys.json
// and spaces_keys.json.
func TestKeyValuesFromExamples(t *testing.T) {
	src := refreshedSource(t, fakeapi.Examples())
	want := `
# HELP digitalocean_spaces_key_created_timestamp_seconds When each Spaces access key was made, in Unix seconds (the oldest, for keys that share a name), as of the last refresh.
# TYPE digitalocean_spaces_key_created_timestamp_seconds gauge
digitalocean_spaces_key_created_timestamp_seconds{account="default",name="my-access-key"} 1.532012656e+09
# HELP digitalocean_spaces_key_info Each Spaces access key with each permission it grants (read, readwrite, fullaccess), as of the last refresh; value 1.
# TYPE digitalocean_spaces_key_info gauge
digitalocean_spaces_key_info{account="default",name="my-access-key",permission="read"} 1
# HELP digitalocean_ssh_key_info Each SSH key of the account with its fingerprint, as of the last refresh; value 1.
# TYPE digitalocean_ssh_key_info gauge
digitalocean_ssh_key_info{account="default",fingerprint="3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45",id="289794",name="Other Public Key"} 1
`
	if err := testutil.CollectAndCompare(newKeyCollector(src), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
