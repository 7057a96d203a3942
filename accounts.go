package main

import (
	"cmp"
	"context"
	"errors"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/prometheus/common/version"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// loadConfig turns flags, and the config file if one is given, into the
// configuration of every account. It is read again on reload.
func loadConfig(opts *options) (config.Config, error) {
	cfg := config.Config{
		APIURL:              opts.apiURL,
		AllowInsecureAPIURL: opts.insecureAPIURL,
		RequestTimeout:      opts.timeout,
		RefreshInterval:     opts.interval,
		DetailInterval:      opts.detailInterval,
		RequestBudget:       opts.budget,
		Monitoring:          opts.monitoring,
		SnapshotAge:         time.Duration(opts.snapshotAge),
		Accounts: []config.Account{{
			Name:      config.DefaultAccountName,
			TokenFile: opts.tokenFile,
			TokenEnv:  config.TokenEnvironmentVariable,
		}},
	}
	if opts.demo { // the sample account has a budget of its own, which a config file replaces
		cfg.Accounts[0].MonthlyBudgetDollars = fakeapi.DemoMonthlyBudget
	}
	if opts.configFile != "" {
		if opts.tokenFile != "" {
			return cfg, errors.New("--config.file and --digitalocean.token-file exclude each other: give each account's token in the file")
		}
		accounts, err := config.LoadAccounts(opts.configFile, opts.collectorNames())
		if err != nil {
			return cfg, err
		}
		cfg.Accounts = opts.shard.Of(accounts)
	}
	return cfg, cfg.Validate()
}

// accountToken returns where the account's requests get their token. A
// token file is read again whenever it changes, so a rotated token is used
// without a restart; an environment variable is read once.
func accountToken(a config.Account, logger log.Logger, getenv func(string) string) (config.TokenSource, error) {
	if a.TokenFile == "" {
		token, err := config.LoadToken(a, getenv)
		return config.NewStaticToken(token, config.SourceEnvironment, time.Now()), err
	}
	logger = log.With(logger, "account", a.Name, "token_file", a.TokenFile)
	file, err := config.NewFileToken(a.TokenFile, config.TokenEvents{
		Rotated: func() {
			level.Info(logger).Log("msg", "token file changed; using the new token from the next request on")
		},
		Kept: func(err error) {
			level.Error(logger).Log("msg", "token file changed but cannot be used; keeping the previous token", "err", err)
		},
		ReadableByOthers: func() {
			level.Warn(logger).Log("msg", "every user of this machine may read the token file; "+
				"make it readable by the exporter alone (chmod 600, or 640 with a group of its own)")
		},
	})
	if err != nil {
		return nil, err
	}
	return file, nil
}

// accountSet runs one refresher per account. A reload keeps the refreshers
// of accounts whose configuration did not change, caches and all, stops
// those of removed accounts, and starts the new ones.
type accountSet struct {
	ctx     context.Context // parent of every refresher's run
	opts    *options
	tokenOf func(config.Account) (config.TokenSource, error)
	logger  log.Logger
	// onRefresh is each refresher's OnRefresh hook; set it before apply.
	onRefresh func(kind string, before, after *inventory.Snapshot)

	mu      sync.Mutex // serialises apply
	running map[string]*runningAccount
	ordered atomic.Pointer[[]*runningAccount] // the running accounts in the config's order
}

type runningAccount struct {
	config    config.Account
	token     config.TokenSource
	refresher *inventory.Refresher
	stop      context.CancelFunc // nil until started
}

func newAccountSet(ctx context.Context, opts *options, tokenOf func(config.Account) (config.TokenSource, error),
	logger log.Logger) *accountSet {
	s := &accountSet{ctx: ctx, opts: opts, tokenOf: tokenOf, logger: logger, running: map[string]*runningAccount{}}
	s.ordered.Store(&[]*runningAccount{})
	return s
}

// Snapshots makes the set a Source for collectors and pages.
func (s *accountSet) Snapshots() []*inventory.Snapshot {
	running := *s.ordered.Load()
	snapshots := make([]*inventory.Snapshot, len(running))
	for i, a := range running {
		snapshots[i] = a.refresher.Snapshot()
	}
	return snapshots
}

// Tokens makes the set a TokenReader: where each account's token came
// from and when it was read. A token file is looked at again, so a
// rotation shows at once.
func (s *accountSet) Tokens() []collector.AccountToken {
	running := *s.ordered.Load()
	tokens := make([]collector.AccountToken, len(running))
	for i, a := range running {
		tokens[i] = collector.AccountToken{Account: a.config.Name, Source: a.token.Source(), Loaded: a.token.Loaded()}
	}
	return tokens
}

// apply makes cfg's accounts the running ones. Every new refresher is
// built before anything stops, so a reload that fails changes nothing.
func (s *accountSet) apply(cfg config.Config) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := map[string]*runningAccount{}
	var ordered []*runningAccount
	for _, a := range cfg.Accounts {
		running, ok := s.running[a.Name]
		if !ok || !reflect.DeepEqual(running.config, a) {
			var err error
			if running, err = s.newAccount(cfg, a); err != nil {
				return err
			}
		}
		next[a.Name] = running
		ordered = append(ordered, running)
	}
	for name, old := range s.running {
		if next[name] != old {
			old.stop()
			level.Info(s.logger).Log("msg", "stopped the account's refresher", "account", name)
		}
	}
	for name, running := range next {
		if running.stop == nil {
			ctx, cancel := context.WithCancel(s.ctx)
			running.stop = cancel
			go running.refresher.Run(ctx)
			level.Info(s.logger).Log("msg", "started the account's refresher", "account", name)
		}
	}
	s.running = next
	s.ordered.Store(&ordered)
	return nil
}

// newAccount prepares an account's token and refresher; nothing runs yet.
func (s *accountSet) newAccount(cfg config.Config, a config.Account) (*runningAccount, error) {
	token, err := s.tokenOf(a)
	if err != nil {
		return nil, err
	}
	collectors := a.Collectors
	if collectors == nil {
		collectors = s.opts.enabledCollectors()
	}
	r, err := inventory.NewRefresher(inventory.Options{
		Account: a.Name,
		Client: inventory.ClientOptions{
			BaseURL:   cfg.APIURL,
			Token:     token.Token,
			Timeout:   cfg.RequestTimeout,
			UserAgent: programName + "/" + version.Version,
		},
		Kinds:          kindsOf(collectors),
		Interval:       cmp.Or(a.RefreshInterval, cfg.RefreshInterval),
		DetailInterval: cmp.Or(a.DetailInterval, cfg.DetailInterval),
		RequestBudget:  cfg.RequestBudget,
		Monitoring:     monitoringOf(cfg.Monitoring, a),
		Logger:         s.logger,
		OnRefresh:      s.onRefresh,
		Settings: inventory.Settings{
			OrganizationUUID: a.OrganizationUUID, MonthlyBudget: a.MonthlyBudgetDollars, SnapshotAge: cfg.SnapshotAge,
		},
	})
	if err != nil {
		return nil, err
	}
	return &runningAccount{config: a, token: token, refresher: r}, nil
}

// monitoringOf is what the account's monitored collectors read: the flags'
// settings, with the Droplet tags of its config file entry, if it has any.
func monitoringOf(m config.Monitoring, a config.Account) inventory.MonitoringOptions {
	tags := m.DropletTags
	if a.MonitoringDropletTags != nil {
		tags = a.MonitoringDropletTags
	}
	return inventory.MonitoringOptions{Interval: m.Interval, MaxInterval: m.MaxInterval, DropletTags: tags,
		DropletMetrics: m.DropletMetrics}
}

// kindsOf lists the inventory kinds the named collectors need.
func kindsOf(collectors []string) []string {
	var kinds []string
	for _, f := range collector.Factories {
		if slices.Contains(collectors, f.Name) {
			kinds = append(kinds, f.Kinds...)
		}
	}
	slices.Sort(kinds)
	return slices.Compact(kinds)
}
