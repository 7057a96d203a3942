// Package testnet keeps a test binary on this machine. Importing it makes
// every HTTP client built from http.DefaultTransport refuse any address
// but loopback, before a host name is looked up; the exporter's own client
// is a clone of that transport, so a test that would reach
// api.digitalocean.com, or any host off this machine, fails at once
// instead. Tests talk to the fake API on 127.0.0.1 only.
//
// Test packages import it through internal/testtool, or with a blank
// import of their own; TestEveryNetworkedTestPackageImportsIt checks that
// none is left out.
package testnet

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
)

// ErrOffMachine is what a dial to anything but loopback returns.
var ErrOffMachine = errors.New("tests dial loopback only (127.0.0.0/8, ::1, localhost)")

// installed says that init has wrapped http.DefaultTransport's dial.
var installed bool

func init() {
	t := http.DefaultTransport.(*http.Transport)
	t.DialContext = LoopbackOnly(t.DialContext)
	installed = true
}

// Active tells whether this test binary's HTTP clients are kept on
// loopback: a test that hands the exporter a remote URL checks it first.
func Active() bool { return installed }

// Dial is the signature of http.Transport.DialContext.
type Dial func(ctx context.Context, network, address string) (net.Conn, error)

// LoopbackOnly wraps dial so that it refuses any address but a loopback
// one, without looking a name up.
func LoopbackOnly(dial Dial) Dial {
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		if !IsLoopback(address) {
			return nil, fmt.Errorf("dial %s %s: %w", network, address, ErrOffMachine)
		}
		return dial(ctx, network, address)
	}
}

// IsLoopback tells whether address (host:port) names this machine, by
// the rule the exporter accepts a plain-HTTP API URL by.
func IsLoopback(address string) bool {
	host, _, err := net.SplitHostPort(address)
	return err == nil && config.IsLoopbackHost(host)
}
