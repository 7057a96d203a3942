package fakeapi

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// region is a datacenter region.
type region struct {
	slug, name string
}

var regions = []region{
	{"nyc1", "New York 1"}, {"nyc3", "New York 3"}, {"ams3", "Amsterdam 3"}, {"fra1", "Frankfurt 1"},
	{"sfo3", "San Francisco 3"}, {"sgp1", "Singapore 1"}, {"lon1", "London 1"}, {"tor1", "Toronto 1"},
}

// vpcUUID is the default VPC of a region.
func vpcUUID(r region) string { return fakeUUID("vpc", r.slug) }

// epoch is when the fake account's history starts; every timestamp is a
// fixed time after it.
var epoch = time.Date(2024, time.March, 4, 9, 30, 0, 0, time.UTC)

// history is the time over which objects were created.
const history = 540 * 24 * time.Hour

// createdAt spreads n objects evenly over the history: the i-th was
// created at the returned time.
func createdAt(i, n int) time.Time {
	return epoch.Add(time.Duration(i) * (history / time.Duration(max(n, 1))))
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

// fakeUUID is a random-looking but fixed UUID (version 4 layout) for the
// object named by parts.
func fakeUUID(parts ...any) string {
	h := sha1.Sum(fmt.Appendln(nil, parts...))
	h[6] = h[6]&0x0f | 0x40
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// hexID is a fixed 40-digit hex id, the shape of account and team UUIDs.
func hexID(name string) string {
	return fmt.Sprintf("%x", sha1.Sum([]byte("fakeapi "+name)))
}

// shortSuffix is a fixed suffix of five lowercase letters and digits, like
// the ones in node and app ingress names.
func shortSuffix(parts ...any) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	h := sha1.Sum(fmt.Appendln(nil, parts...))
	n := binary.BigEndian.Uint64(h[:8])
	suffix := make([]byte, 5)
	for i := range suffix {
		suffix[i] = alphabet[n%36]
		n /= 36
	}
	return string(suffix)
}

// Host numbers give each machine its own addresses: plain droplets count
// from 0, GPU droplets, cluster endpoints and load balancers from these.
const (
	gpuHosts      = 90000
	clusterHosts  = 95000
	lbHosts       = 97000
	natHosts      = 98000
	reservedHosts = 99000
	nfsHosts      = 99500
)

// publicIPv4 is a unique public address for host number n, in the
// 198.18.0.0/15 benchmarking range, and its gateway. Host numbers below
// 100,000 get different addresses.
func publicIPv4(n int) (ip, gateway string) {
	a, b := 18+n/50000%2, n/200%250
	return fmt.Sprintf("198.%d.%d.%d", a, b, 10+n%200), fmt.Sprintf("198.%d.%d.1", a, b)
}

// publicIPv6 is host n's public IPv6 address in region r, and its gateway.
func publicIPv6(r, n int) (ip, gateway string) {
	return fmt.Sprintf("2604:a880:%x:d0::%x:%x:1", r, n>>16, n&0xffff), fmt.Sprintf("2604:a880:%x:d0::1", r)
}

// privateIPv4 is host n's address in the default VPC of region r.
func privateIPv4(r, n int) string {
	return fmt.Sprintf("10.%d.%d.%d", defaultVPCOctet+r, n/200%250, 10+n%200)
}

// cloneObject deep-copies a decoded JSON object.
func cloneObject(m map[string]any) map[string]any {
	return cloneValue(m).(map[string]any)
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = cloneValue(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = cloneValue(x)
		}
		return s
	}
	return v
}

// object is the nested object m[key] of a template.
func object(m map[string]any, key string) map[string]any {
	return m[key].(map[string]any)
}

// first is the first object of the list m[key] of a template.
func first(m map[string]any, key string) map[string]any {
	return m[key].([]any)[0].(map[string]any)
}

// without deletes keys from m and returns it.
func without(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		delete(m, k)
	}
	return m
}

// dollars writes an amount in cents as the billing endpoints write
// amounts: a decimal string with two decimals, such as "23.44".
func dollars(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

// cents reads such an amount; anything else is 0.
func cents(amount string) int64 {
	f, err := strconv.ParseFloat(amount, 64)
	if err != nil {
		return 0
	}
	return int64(math.Round(f * 100))
}

// number is a JSON number of a template (json.Number) or of a builder (int
// or float64) as a float64; 0 for anything else.
func number(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		return n
	case json.Number:
		f, _ := n.Float64()
		return f
	}
	return 0
}

// stringsOf reads a list of strings as the builders set it or as decoding
// gives it back.
func stringsOf(v any) []string {
	switch list := v.(type) {
	case []string:
		return list
	case []any:
		out := make([]string, 0, len(list))
		for _, item := range list {
			if s, ok := item.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
