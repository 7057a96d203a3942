package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestNFSValuesFromExamples checks the NFS families against nfs.json; the
// example share is in atl1, so one example VPC is moved there.
func TestNFSValuesFromExamples(t *testing.T) {
	acct := fakeapi.Examples()
	acct.Lists[fakeapi.VPCs][0]["region"] = "atl1"
	want := `
# HELP digitalocean_nfs_share_info Descriptive labels of each NFS share, as of the last refresh of shares; value 1.
# TYPE digitalocean_nfs_share_info gauge
digitalocean_nfs_share_info{account="default",id="0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",name="sammy-share-drive",region="atl1",status="ACTIVE"} 1
# HELP digitalocean_nfs_share_size_bytes Size of each NFS share in bytes, as of the last refresh of shares.
# TYPE digitalocean_nfs_share_size_bytes gauge
digitalocean_nfs_share_size_bytes{account="default",id="0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"} 1.099511627776e+12
`
	if err := testutil.CollectAndCompare(newNFSCollector(refreshedSource(t, acct)), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
