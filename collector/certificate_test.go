package collector

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

// TestCertificateValuesFromExamples checks the certificate families against
// the example response itself (certificates.json, whose first certificate
// names only ""), not against a golden file.
func TestCertificateValuesFromExamples(t *testing.T) {
	c := newCertificateCollector(refreshedSource(t, fakeapi.Examples()))
	want := `
# HELP digitalocean_certificate_info Descriptive labels of each TLS certificate, as of the last refresh; value 1. type is custom or lets_encrypt, state pending, verified or error.
# TYPE digitalocean_certificate_info gauge
digitalocean_certificate_info{account="default",id="892071a0-bb95-49bc-8021-3afd67a210bf",name="web-cert-01",state="verified",type="custom"} 1
digitalocean_certificate_info{account="default",id="ba9b9c18-6c59-46c2-99df-70da170a42ba",name="web-cert-02",state="verified",type="lets_encrypt"} 1
# HELP digitalocean_certificate_expiry_timestamp_seconds When each certificate expires (not_after), in Unix seconds, as of the last refresh; absent before it is issued.
# TYPE digitalocean_certificate_expiry_timestamp_seconds gauge
digitalocean_certificate_expiry_timestamp_seconds{account="default",id="892071a0-bb95-49bc-8021-3afd67a210bf"} 1.48772298e+09
digitalocean_certificate_expiry_timestamp_seconds{account="default",id="ba9b9c18-6c59-46c2-99df-70da170a42ba"} 1.528393452e+09
# HELP digitalocean_certificate_dns_names Number of DNS names each certificate covers, as of the last refresh.
# TYPE digitalocean_certificate_dns_names gauge
digitalocean_certificate_dns_names{account="default",id="892071a0-bb95-49bc-8021-3afd67a210bf"} 0
digitalocean_certificate_dns_names{account="default",id="ba9b9c18-6c59-46c2-99df-70da170a42ba"} 2
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}
