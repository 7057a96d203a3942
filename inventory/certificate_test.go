package inventory

import (
	"fmt"
	"testing"
	"time"

	"github.com/digitalocean/godo"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
)

func TestMapCertificatesFromExamples(t *testing.T) {
	var body struct{ Certificates []godo.Certificate }
	decodeExample(t, "certificates.json", &body)
	got := eachValue(mapCertificate)(body.Certificates)
	want := []Certificate{{
		ID: "892071a0-bb95-49bc-8021-3afd67a210bf", Name: "web-cert-01", Type: "custom", State: "verified",
		DNSNames: nil, // the example's [""] names nothing
		NotAfter: time.Date(2017, 2, 22, 0, 23, 0, 0, time.UTC), Created: time.Date(2017, 2, 8, 16, 2, 37, 0, time.UTC),
	}, {
		ID: "ba9b9c18-6c59-46c2-99df-70da170a42ba", Name: "web-cert-02", Type: "lets_encrypt", State: "verified",
		DNSNames: []string{"www.example.com", "example.com"},
		NotAfter: time.Date(2018, 6, 7, 17, 44, 12, 0, time.UTC), Created: time.Date(2018, 3, 9, 18, 44, 11, 0, time.UTC),
	}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("certificates:\n got %+v\nwant %+v", got, want)
	}
	pending := mapCertificate(&godo.Certificate{ID: "p", State: "pending"})
	if w := Certificates.project([]Certificate{pending})[0]; w.Status != "pending" || w.Attributes["not_after"] != nil {
		t.Errorf("a certificate not issued yet: %+v, want pending with no not_after", w)
	}
}

// A token without certificate:read fails the certificates alone, and the
// log names the scope once, however often the refresh fails.
func TestForbiddenCertificatesFailAlone(t *testing.T) {
	api := newTestAPI(t, fakeapi.Examples())
	first := api.refresh(t)
	api.SetFault("/v2/certificates", fakeapi.Fault{Status: 403})
	api.refresh(t)
	s := api.refresh(t)
	for _, kind := range Kinds() {
		st := s.Status[kind]
		switch {
		case kind == KindCertificates && (st.Reason != ReasonForbidden || st.Succeeded()):
			t.Errorf("certificates: %+v, want failed as forbidden", st)
		case kind != KindCertificates && !st.Succeeded():
			t.Errorf("%s failed with the certificates: %+v", kind, st)
		}
	}
	if got := Certificates.Of(s); len(got) != 2 || !s.Status[KindCertificates].Known() {
		t.Errorf("certificates after the 403: %d, want the last good 2 kept", len(got))
	}
	if fmt.Sprint(Droplets.Of(s)) != fmt.Sprint(Droplets.Of(first)) || !s.Up() {
		t.Error("a 403 on certificates touched the droplets or the account")
	}
	logs := api.logs.String()
	if n := countLines(logs, "resource=certificates ", "missing_scope=certificate:read"); n != 1 {
		t.Errorf("the missing scope was logged %d times, want once:\n%s", n, logs)
	}
	if n := countLines(logs, "missing_scope="); n != 1 {
		t.Errorf("%d lines name a missing scope, want only the certificates' one:\n%s", n, logs)
	}
}
