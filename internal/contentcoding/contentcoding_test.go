package contentcoding

import (
	"net/http"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   bool
	}{
		{nil, false},
		{[]string{"gzip"}, true},
		{[]string{"identity"}, false},
		{[]string{"gzip;q=0"}, false},
		{[]string{"*"}, false}, // identity and gzip alike: promhttp keeps identity
		{[]string{"br, gzip;q=0.5, identity;q=0.8"}, false},
		{[]string{"gzip;q=0.9, identity;q=0.5"}, true},
		{[]string{"gzip, deflate, br, zstd"}, true},
		{[]string{"zstd"}, false},
		{[]string{"br", "gzip"}, true},  // the header given twice
		{[]string{";q=1, gzip"}, false}, // the rest of a malformed value is ignored
	} {
		h := http.Header{"Accept-Encoding": tc.header}
		if got := AcceptsGzip(h); got != tc.want {
			t.Errorf("Accept-Encoding %q: AcceptsGzip = %v, want %v", tc.header, got, tc.want)
		}
	}
}
