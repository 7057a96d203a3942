package main

import (
	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/prometheus/common/version"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// loadConfig turns flags into the configuration of the single account.
func loadConfig(opts *options) (config.Config, error) {
	cfg := config.Config{
		APIURL:          opts.apiURL,
		RequestTimeout:  opts.timeout,
		RefreshInterval: opts.interval,
		DetailInterval:  opts.detailInterval,
		Accounts: []config.Account{{
			Name:      config.DefaultAccountName,
			TokenFile: opts.tokenFile,
			TokenEnv:  config.TokenEnvironmentVariable,
		}},
	}
	return cfg, cfg.Validate()
}

// accountToken returns how the account's requests get their token. A
// token file is read again whenever it changes, so a rotated token is used
// without a restart; an environment variable is read once.
func accountToken(a config.Account, logger log.Logger, getenv func(string) string) (func() string, error) {
	if a.TokenFile == "" {
		token, err := config.LoadToken(a, getenv)
		return token.Reveal, err
	}
	logger = log.With(logger, "account", a.Name, "token_file", a.TokenFile)
	file, err := config.NewFileToken(a.TokenFile, config.TokenEvents{
		Rotated: func() {
			level.Info(logger).Log("msg", "token file changed; using the new token from the next request on")
		},
		Kept: func(err error) {
			level.Error(logger).Log("msg", "token file changed but cannot be used; keeping the previous token", "err", err)
		},
	})
	if err != nil {
		return nil, err
	}
	return file.Token, nil
}

func newRefreshers(cfg config.Config, kinds []string, tokenOf func(config.Account) (func() string, error),
	logger log.Logger) (inventory.Refreshers, error) {
	var refreshers inventory.Refreshers
	for _, account := range cfg.Accounts {
		token, err := tokenOf(account)
		if err != nil {
			return nil, err
		}
		r, err := inventory.NewRefresher(inventory.Options{
			Account: account.Name,
			Client: inventory.ClientOptions{
				BaseURL:   cfg.APIURL,
				Token:     token,
				Timeout:   cfg.RequestTimeout,
				UserAgent: programName + "/" + version.Version,
			},
			Kinds:          kinds,
			Interval:       cfg.RefreshInterval,
			DetailInterval: cfg.DetailInterval,
			Logger:         logger,
		})
		if err != nil {
			return nil, err
		}
		refreshers = append(refreshers, r)
	}
	return refreshers, nil
}
