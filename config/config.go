// Package config holds the exporter's settings as plain values and loads the
// API token. It parses no flags and imports nothing else of this project.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// DefaultAccountName is the account label of a single-token setup.
const DefaultAccountName = "default"

// TokenEnvironmentVariable is where a single account's token is read from
// when no token file is given.
const TokenEnvironmentVariable = "DIGITALOCEAN_TOKEN"

// Config is everything the exporter needs to watch its accounts.
type Config struct {
	APIURL          string        // base URL of the DigitalOcean API
	RequestTimeout  time.Duration // deadline of one API request
	RefreshInterval time.Duration // how often each resource list is refreshed
	DetailInterval  time.Duration // how often per-object details (trusted sources, upgrades) are
	RequestBudget   float64       // share of the hourly rate limit refreshes may plan to use
	Accounts        []Account
}

// Account names one DigitalOcean account, where its token comes from, and
// what it overrides of the global settings.
type Account struct {
	Name      string `yaml:"name"`       // the value of the account label
	TokenFile string `yaml:"token_file"` // read the token from this file, or
	TokenEnv  string `yaml:"token_env"`  // from this environment variable
	// Collectors, when set, are the collectors enabled for this account
	// instead of those the flags enable.
	Collectors      []string      `yaml:"collectors"`
	RefreshInterval time.Duration `yaml:"refresh_interval"` // 0: the global one
	DetailInterval  time.Duration `yaml:"detail_interval"`  // 0: the global one
}

// Validate reports the first setting that cannot work, naming it.
func (c Config) Validate() error {
	u, err := url.Parse(c.APIURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("digitalocean.api-url: %q is not an http(s) URL", c.APIURL)
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
	if c.RequestBudget < 0 || c.RequestBudget > 1 {
		return fmt.Errorf("digitalocean.rate-limit-budget: %g is not a share between 0 and 1", c.RequestBudget)
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
			return fmt.Errorf("account %q: name used twice", a.Name)
		}
		seen[a.Name] = true
	}
	return nil
}
