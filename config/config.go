// Package config holds the exporter's settings as plain values and loads the
// API token. It parses no flags and imports nothing else of this project.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// DefaultAccountName is the account label of a single-token setup.
const DefaultAccountName = "default"

// TokenEnvironmentVariable is where a single account's token is read from
// when no token file is given.
const TokenEnvironmentVariable = "DIGITALOCEAN_TOKEN"

// Config is everything the exporter needs to watch its accounts.
type Config struct {
	APIURL string // base URL of the DigitalOcean API
	// AllowInsecureAPIURL accepts an http:// APIURL off loopback, which
	// sends the token in clear.
	AllowInsecureAPIURL bool
	RequestTimeout      time.Duration // deadline of one API request
	RefreshInterval     time.Duration // how often each resource list is refreshed
	DetailInterval      time.Duration // how often per-object details (trusted sources, upgrades) are
	RequestBudget       float64       // share of the hourly rate limit refreshes may plan to use
	Monitoring          Monitoring
	SnapshotAge         time.Duration // a snapshot older than this is waste; 0 for the default
	Accounts            []Account
}

// MinMonitoringInterval is the Monitoring API's sampling: reading more
// often costs requests and gives nothing new.
const MinMonitoringInterval = 2 * time.Minute

// Monitoring says what the monitored collectors read from the Monitoring API.
type Monitoring struct {
	Interval    time.Duration // how often each resource is read
	MaxInterval time.Duration // the longest the request budget may stretch Interval to
	DropletTags []string      // read only the Droplets with any of these; none: every Droplet
	// DropletMetrics are the groups of Droplet metrics read (cpu, memory, ...).
	DropletMetrics []string
}

// Account names one DigitalOcean account, where its token comes from, and
// what it overrides of the global settings. accountFields (file.go) says
// how each field is written in a config file.
type Account struct {
	Name      string // the value of the account label
	TokenFile string // read the token from this file, or
	TokenEnv  string // from this environment variable
	// Collectors, when set, are the collectors enabled for this account
	// instead of those the flags enable.
	Collectors      []string
	RefreshInterval time.Duration // 0: the global one
	DetailInterval  time.Duration // 0: the global one
	// MonitoringDropletTags, when set, replace Monitoring.DropletTags for
	// this account.
	MonitoringDropletTags []string
	// OrganizationUUID, when set, makes billing insights cover the
	// organization instead of the account's team.
	OrganizationUUID     string
	MonthlyBudgetDollars float64 // 0: no budget
}

// Validate reports the first setting that cannot work, naming it.
func (c Config) Validate() error {
	if err := c.validateAPIURL(); err != nil {
		return fmt.Errorf("digitalocean.api-url: %w", err)
	}
	if c.RequestTimeout <= 0 {
		return errors.New("digitalocean.timeout: must be positive")
	}
	if c.RefreshInterval < time.Second {
		return errors.New("refresh.interval: must be at least 1s")
	}
	if c.DetailInterval < time.Second {
		return errors.New("refresh.detail-interval: must be at least 1s")
	}
	if c.SnapshotAge < 0 {
		return errors.New("cost.snapshot-age: must be positive")
	}
	if c.RequestBudget < 0 || c.RequestBudget > 1 {
		return fmt.Errorf("digitalocean.rate-limit-budget: %g is not a share between 0 and 1", c.RequestBudget)
	}
	if c.Monitoring.Interval < MinMonitoringInterval {
		return fmt.Errorf("monitoring.interval: %s is shorter than %s, the Monitoring API's sampling", c.Monitoring.Interval,
			MinMonitoringInterval)
	}
	if c.Monitoring.MaxInterval < c.Monitoring.Interval {
		return fmt.Errorf("monitoring.max-interval: %s is shorter than --monitoring.interval (%s)", c.Monitoring.MaxInterval,
			c.Monitoring.Interval)
	}
	if len(c.Accounts) == 0 {
		return errors.New("no account configured")
	}
	seen := map[string]bool{}
	for _, a := range c.Accounts {
		if a.Name == "" {
			return errors.New("account: name must not be empty")
		}
		if seen[a.Name] {
			return fmt.Errorf("account %s: name used twice", Quote(a.Name))
		}
		seen[a.Name] = true
	}
	return nil
}

// validateAPIURL accepts scheme://host[:port] and nothing more. Its errors
// quote the URL without its user and password, and not at all if it looks
// like a token.
func (c Config) validateAPIURL() error {
	if LooksLikeToken(c.APIURL) {
		return fmt.Errorf("%s looks like a token, not a URL; the token goes in %s or --digitalocean.token-file",
			redacted, TokenEnvironmentVariable)
	}
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s is not an http(s) URL", Quote(RedactTokens(c.APIURL)))
	}
	shown := Quote((&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String())
	switch {
	case u.User != nil:
		return fmt.Errorf("%s holds a user or password; give the URL without them: the token is what authenticates", shown)
	case u.Path != "" && u.Path != "/":
		// godo resolves some routes against the base URL ("v2/droplets")
		// and others against the host's root ("/v2/apps"), so a prefix
		// would be kept on some requests and lost on others.
		return fmt.Errorf("%s has a path; give the bare scheme://host[:port]: the exporter sends requests to /v2/... "+
			"at the root of the host, so a proxy must serve them there", shown)
	case u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("%s has a query or fragment; give the bare scheme://host[:port]", shown)
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()) && !c.AllowInsecureAPIURL:
		return fmt.Errorf("%s is plain HTTP, which would send the token in clear; use https://, or pass "+
			"--digitalocean.allow-insecure-api-url if the path to it is trusted (without it, http:// is accepted only on loopback)",
			shown)
	}
	return nil
}

// IsLoopbackHost tells whether a URL's host is this machine, without
// looking any name up: localhost, or an address in 127.0.0.0/8 or ::1.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
