package fakeapi

import (
	"fmt"
	"io"
	"net/http"
	"testing"
)

// largeSize is the size of the exporter's large-account benchmark.
var largeSize = Size{Droplets: 10000, Clusters: 200, Databases: 500, Apps: 1000}

// BenchmarkListLargeAccount lists 10,000 droplets at 200 per page, as one
// refresh does: each op is 50 requests.
func BenchmarkListLargeAccount(b *testing.B) {
	s := newTestServer(b, Generate(Size{Droplets: largeSize[Droplets]}))
	client := &http.Client{Transport: bearer{testToken}}
	pages := largeSize[Droplets] / maxPerPage
	b.ReportAllocs()
	for b.Loop() {
		var size int64
		for page := 1; page <= pages; page++ {
			resp, err := client.Get(fmt.Sprintf("%s/v2/droplets?page=%d&per_page=200", s.URL, page))
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			size += n
		}
		b.SetBytes(size)
	}
}

func BenchmarkGenerateLargeAccount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Generate(largeSize)
	}
}

func BenchmarkSetLargeAccount(b *testing.B) {
	s := newTestServer(b, Account{})
	acct := Generate(largeSize)
	b.ReportAllocs()
	for b.Loop() {
		s.SetAccount(acct)
	}
}
