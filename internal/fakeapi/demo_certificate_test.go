package fakeapi

import (
	"context"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

// The demo's certificates, judged at the end of its history: two valid
// for years, one expiring within 14 days, one expired, two not issued (one
// pending, one whose issuing failed).
func TestDemoCertificates(t *testing.T) {
	certificates, _, err := newGodo(t, newTestServer(t, Demo())).Certificates.List(context.Background(), &godo.ListOptions{PerPage: 200})
	if err != nil || len(certificates) != 6 {
		t.Fatalf("got %d certificates (%v), want 6", len(certificates), err)
	}
	end := epoch.Add(history)
	types, states, judged := map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range certificates {
		types[c.Type]++
		states[c.State]++
		created, err := time.Parse(time.RFC3339, c.Created)
		if err != nil || len(c.DNSNames) == 0 {
			t.Errorf("%s: created %q, DNS names %v", c.Name, c.Created, c.DNSNames)
		}
		if c.NotAfter == "" {
			judged["not issued"]++
			continue
		}
		notAfter, err := time.Parse(time.RFC3339, c.NotAfter)
		switch left := notAfter.Sub(end); {
		case err != nil || !notAfter.After(created):
			t.Errorf("%s: created %s, expires %q", c.Name, c.Created, c.NotAfter)
		case left < 0:
			judged["expired"]++
		case left <= 14*day:
			judged["expiring"]++
		case left > 5*365*day:
			judged["valid"]++
		}
	}
	if types["lets_encrypt"] != 4 || types["custom"] != 2 || states["pending"] != 1 || states["verified"] != 4 || states["error"] != 1 {
		t.Errorf("types %v, states %v", types, states)
	}
	if judged["valid"] != 2 || judged["expiring"] != 1 || judged["expired"] != 1 || judged["not issued"] != 2 {
		t.Errorf("at the end of the history: %v; want 2 valid, 1 expiring, 1 expired, 2 not issued", judged)
	}
}
