// Package contentcoding reads what content codings a client accepts, as
// promhttp does, for every handler that may gzip its answer.
package contentcoding

import (
	"net/http"
	"strconv"
	"strings"
)

// AcceptsGzip tells whether promhttp, offering identity and gzip, would
// gzip its answer: when gzip, named or as *, has a higher weight than
// identity, and one above 0.
func AcceptsGzip(h http.Header) bool {
	identity, gzip := -1.0, -1.0
	for _, value := range h.Values("Accept-Encoding") {
		for spec := range strings.SplitSeq(value, ",") {
			coding, q, ok := parseCoding(spec)
			if !ok {
				break // promhttp ignores the rest of a malformed value
			}
			if coding == "identity" || coding == "*" {
				identity = max(identity, q)
			}
			if coding == "gzip" || coding == "*" {
				gzip = max(gzip, q)
			}
		}
	}
	return gzip > identity && gzip > 0
}

// parseCoding reads "gzip" or "gzip;q=0.5" of an Accept-Encoding header.
func parseCoding(spec string) (coding string, q float64, ok bool) {
	coding, params, hasParams := strings.Cut(spec, ";")
	coding = strings.TrimSpace(coding)
	if coding == "" {
		return "", 0, false
	}
	if !hasParams {
		return coding, 1, true
	}
	weight, isQ := strings.CutPrefix(strings.TrimSpace(params), "q=")
	q, err := strconv.ParseFloat(strings.TrimSpace(weight), 64)
	return coding, q, isQ && err == nil && q >= 0 && q <= 1
}
