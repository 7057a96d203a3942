package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/alecthomas/kingpin/v2"
	"github.com/prometheus/common/model"
	"github.com/prometheus/common/version"
	toolkit "github.com/prometheus/exporter-toolkit/web"
	"github.com/prometheus/exporter-toolkit/web/kingpinflag"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

const (
	programName    = "digitalocean_exporter"
	defaultAddress = ":9212"
)

// options are the parsed command line. There is deliberately no flag that
// takes the token itself: it would show in ps and shell history.
type options struct {
	web             *toolkit.FlagConfig
	telemetryPath   string
	maxRequests     int
	maxPageRequests int
	tokenFile       string
	apiURL          string
	insecureAPIURL  bool // accept an http:// API URL off loopback
	timeout         time.Duration
	interval        time.Duration
	detailInterval  time.Duration
	budget          float64
	monitoring      config.Monitoring
	configFile      string
	shard           config.Shard
	demo            bool
	logLevel        string
	logFormat       string
	collectors      map[string]*bool

	demoChangeInterval time.Duration // how often --demo changes its account; 0: never
	driftBaselineFile  string
	snapshotAge        model.Duration // a snapshot older than this is waste
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	app, o, check := newFlags(stderr)
	if _, err := app.Parse(args); err != nil {
		return nil, err
	}
	if err := check(); err != nil {
		return nil, err
	}
	return o, nil
}

// newFlags declares every flag of the command line; check reads and
// validates what Parse filled in.
func newFlags(stderr io.Writer) (app *kingpin.Application, o *options, check func() error) {
	app = kingpin.New(programName, "Exports the workloads of a DigitalOcean account to Prometheus.")
	app.UsageWriter(stderr).ErrorWriter(stderr)
	app.Version(version.Print(programName))
	app.HelpFlag.Short('h')
	o = &options{web: kingpinflag.AddFlags(app, defaultAddress), collectors: map[string]*bool{}}
	app.Flag("web.telemetry-path", "Path under which to expose metrics.").Default("/metrics").StringVar(&o.telemetryPath)
	app.Flag("web.max-requests", "Maximum number of parallel scrape requests; 0 disables the limit.").Default("40").IntVar(&o.maxRequests)
	app.Flag("web.max-page-requests", "Maximum number of parallel requests for the landing page and /inventory, "+
		"with slots apart from the scrapes'; 0 disables the limit.").Default("20").IntVar(&o.maxPageRequests)
	app.Flag("digitalocean.token-file", "File holding the API token (default: the "+config.TokenEnvironmentVariable+" environment variable).").
		PlaceHolder("FILE").StringVar(&o.tokenFile)
	app.Flag("digitalocean.api-url", "Base URL of the DigitalOcean API: scheme://host[:port], https:// unless on loopback.").
		Default("https://api.digitalocean.com").StringVar(&o.apiURL)
	app.Flag("digitalocean.allow-insecure-api-url", "Accept an http:// --digitalocean.api-url off loopback, "+
		"which sends the token in clear.").BoolVar(&o.insecureAPIURL)
	app.Flag("digitalocean.timeout", "Deadline of each API request, answer included.").Default("30s").DurationVar(&o.timeout)
	app.Flag("refresh.interval", "How often each resource list is refreshed from the API.").Default("2m").DurationVar(&o.interval)
	app.Flag("refresh.detail-interval", "How often details that cost one request per database or cluster "+
		"(trusted sources, available upgrades) are refreshed.").Default("15m").DurationVar(&o.detailInterval)
	app.Flag("digitalocean.rate-limit-budget", "Share of the token's hourly rate limit the exporter plans to use "+
		"(never more than 250 requests a minute); refresh intervals stretch to stay within it. 0 disables the budget.").
		Default("0.5").Float64Var(&o.budget)
	app.Flag("monitoring.interval", "How often the *_metrics collectors read each Droplet, app and load balancer from "+
		"the Monitoring API (one request per metric each); at least 2m, the API's sampling.").
		Default(inventory.DefaultMonitoringInterval.String()).DurationVar(&o.monitoring.Interval)
	app.Flag("monitoring.max-interval", "The longest the request budget may stretch --monitoring.interval to; "+
		"past it, each round reads as many resources as fit, the least recently read first.").
		Default(inventory.DefaultMonitoringMaxInterval.String()).DurationVar(&o.monitoring.MaxInterval)
	app.Flag("monitoring.droplet-tag", "Read the metrics of the Droplets with this tag only; repeatable (any of them). "+
		"Default: every active Droplet.").PlaceHolder("TAG").StringsVar(&o.monitoring.DropletTags)
	dropletMetrics := app.Flag("monitoring.droplet-metrics", "Groups of Droplet metrics to read, comma-separated, of "+
		strings.Join(inventory.DropletMetricGroups(), ", ")+" (bandwidth costs four requests a Droplet).").
		Default(strings.Join(inventory.DefaultDropletMetrics, ",")).String()
	app.Flag("config.file", "YAML file listing several accounts, each with its token file or variable; "+
		"reloaded on SIGHUP and POST /-/reload.").PlaceHolder("FILE").StringVar(&o.configFile)
	shard := app.Flag("config.shard", "Watch only this shard's share of --config.file's accounts, as INDEX/COUNT: "+
		"COUNT exporters given 0/COUNT to COUNT-1/COUNT split the accounts by a hash of their names, each account "+
		"watched by exactly one.").Default("0/1").String()
	app.Flag("demo", "Serve a built-in sample account from a fake API on 127.0.0.1; no token needed. "+
		"Turns on the collectors that are off by default, unless a flag turns them off.").BoolVar(&o.demo)
	app.Flag("demo.change-interval", "With --demo, change the sample account this often (create, resize, power off, "+
		"upgrade, delete, and back) so that drift shows; 0 keeps it still.").Default("0").DurationVar(&o.demoChangeInterval)
	app.Flag("drift.baseline-file", "YAML or JSON file naming the workloads a team expects (a list, or the exporter's "+
		"own /inventory output); drift from it is exposed, and it is re-read when it changes.").
		PlaceHolder("FILE").StringVar(&o.driftBaselineFile)
	app.Flag("cost.snapshot-age", "A snapshot older than this counts as waste (reason snapshot_old), like 90d or 2160h.").
		Default(model.Duration(inventory.DefaultSnapshotAge).String()).SetValue(&o.snapshotAge)
	app.Flag("log.level", "Only log messages with this severity or above: debug, info, warn, error.").Default("info").
		EnumVar(&o.logLevel, "debug", "info", "warn", "error")
	app.Flag("log.format", "Output format of log messages: logfmt or json.").Default("logfmt").
		EnumVar(&o.logFormat, "logfmt", "json")
	given := map[string]*bool{} // whether the command line names the collector's flag
	for _, f := range collector.Factories {
		given[f.Name] = new(bool)
		o.collectors[f.Name] = app.Flag("collector."+f.Name,
			fmt.Sprintf("Enable the %s collector: %s (default: %s).", f.Name, f.Help, enabledWord(f.EnabledByDefault))).
			Default(fmt.Sprint(f.EnabledByDefault)).IsSetByUser(given[f.Name]).Bool()
	}
	return app, o, func() error {
		if o.snapshotAge <= 0 {
			return fmt.Errorf("--cost.snapshot-age=%s: give a duration above 0, like 90d", o.snapshotAge)
		}
		if o.demo { // the fake API costs nothing: show everything the flags do not turn off
			for name, set := range given {
				*o.collectors[name] = *o.collectors[name] || !*set
			}
		}
		if o.demoChangeInterval < 0 || (o.demoChangeInterval > 0 && !o.demo) {
			return fmt.Errorf("--demo.change-interval=%s: give --demo and a duration of 0 or more", o.demoChangeInterval)
		}
		groups, err := metricGroups(*dropletMetrics)
		if err != nil {
			return fmt.Errorf("--monitoring.droplet-metrics=%s: %w", *dropletMetrics, err)
		}
		o.monitoring.DropletMetrics = groups
		if o.shard, err = config.ParseShard(*shard); err != nil {
			return fmt.Errorf("--config.shard: %w", err)
		}
		if o.shard.Count > 1 && o.configFile == "" {
			return fmt.Errorf("--config.shard=%s splits the accounts of --config.file; give one", o.shard)
		}
		return nil
	}
}

// metricGroups reads a comma-separated list of Droplet metric groups.
func metricGroups(list string) ([]string, error) {
	var groups []string
	for _, g := range strings.Split(list, ",") {
		g = strings.TrimSpace(g)
		switch {
		case !slices.Contains(inventory.DropletMetricGroups(), g):
			return nil, fmt.Errorf("%s is not a group of metrics (known: %s)", config.Quote(g),
				strings.Join(inventory.DropletMetricGroups(), ", "))
		case !slices.Contains(groups, g):
			groups = append(groups, g)
		}
	}
	return groups, nil
}

func enabledWord(enabled bool) string {
	if enabled {
		return "enabled"
	}
	return "disabled"
}

func (o *options) enabled(name string) bool { return *o.collectors[name] }

// collectorNames are every collector there is, and those the flags enable.
func (o *options) collectorNames() config.Collectors {
	var names config.Collectors
	for _, f := range collector.Factories {
		names.All = append(names.All, f.Name)
	}
	names.Enabled = o.enabledCollectors()
	return names
}

// enabledCollectors names the collectors the flags enable.
func (o *options) enabledCollectors() []string {
	var names []string
	for _, f := range collector.Factories {
		if o.enabled(f.Name) {
			names = append(names, f.Name)
		}
	}
	return names
}
