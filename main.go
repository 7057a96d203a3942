// Command digitalocean_exporter exports the workloads of DigitalOcean
// accounts as Prometheus metrics.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	"github.com/prometheus/client_golang/prometheus/collectors"
	versioncollector "github.com/prometheus/client_golang/prometheus/collectors/version"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/version"
	toolkit "github.com/prometheus/exporter-toolkit/web"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

func main() {
	if version.Version == "" { // not stamped by the build (go run, go build without -ldflags)
		version.Version = "dev"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr, os.Getenv))
}

// run is the whole program; it returns the exit code.
func run(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string) int {
	opts, err := parseFlags(args, stderr)
	if err != nil { // it may quote what was given, a token pasted in the wrong place included
		fmt.Fprintf(stderr, "%s: %s\n", programName, config.RedactTokens(err.Error()))
		return 1
	}
	logger, slogger, err := newLoggers(stderr, opts.logLevel, opts.logFormat)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", programName, err)
		return 1
	}
	if err := serve(ctx, opts, logger, slogger, getenv); err != nil {
		level.Error(logger).Log("msg", "exporter stopped", "err", config.RedactTokens(err.Error()))
		return 1
	}
	return 0
}

// serve starts the refreshers and the HTTP server, and stops both when ctx ends.
func serve(ctx context.Context, opts *options, logger log.Logger, slogger *slog.Logger, getenv func(string) string) error {
	level.Info(logger).Log("msg", "starting "+programName, "version", version.Info(), "build_context", version.BuildContext())
	tokenOf := func(a config.Account) (config.TokenSource, error) { return accountToken(a, logger, getenv) }
	if opts.demo {
		demo, err := fakeapi.NewServer(fakeapi.DemoToken, fakeapi.Demo())
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer demo.Close()
		stopChanges := startDemoChanges(ctx, demo, opts.demoChangeInterval, logger)
		defer stopChanges()
		opts.apiURL = demo.URL
		demoToken := config.NewStaticToken(config.Secret(fakeapi.DemoToken), "demo", time.Now())
		tokenOf = func(config.Account) (config.TokenSource, error) { return demoToken, nil }
		level.Info(logger).Log("msg", "demo mode: reading a built-in sample account from a fake API; no real account is touched", "api_url", demo.URL)
	}
	if credential, ok := config.CredentialFile(getenv); ok && opts.tokenFile == "" && opts.configFile == "" {
		opts.tokenFile = credential // systemd's LoadCredential= stands for --digitalocean.token-file
	}
	cfg, err := loadConfig(opts)
	if err != nil {
		return err
	}
	tracker, err := newDriftTracker(opts, logger)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	accounts := newAccountSet(ctx, opts, tokenOf, logger)
	accounts.onRefresh = tracker.Observe
	if err := accounts.apply(cfg); err != nil {
		return err
	}
	reload := func() error { return reloadConfig(opts, accounts, logger) }
	go reloadOnHangup(ctx, notifyHangups(), reload)
	handler := newMux(ctx, opts, accounts, reload, tracker, logger)
	server := newServer(handler, slog.NewLogLogger(slogger.Handler(), slog.LevelDebug), serverTimeouts)
	return listenUntilDone(ctx, server, opts, slogger)
}

// reloadConfig reads the config file again and applies it; on error the
// running accounts stay as they are.
func reloadConfig(opts *options, accounts *accountSet, logger log.Logger) error {
	if opts.configFile == "" {
		level.Warn(logger).Log("msg", "nothing to reload: the exporter was started without --config.file")
		return fmt.Errorf("%w: the exporter was started without --config.file", web.ErrNothingToReload)
	}
	cfg, err := loadConfig(opts)
	if err == nil {
		err = accounts.apply(cfg)
	}
	if err != nil {
		err = errors.New(config.RedactTokens(err.Error()))
		level.Error(logger).Log("msg", "reload failed; keeping the running accounts", "err", err)
		return err
	}
	level.Info(logger).Log("msg", "configuration reloaded", "accounts", len(cfg.Accounts))
	return nil
}

// notifyHangups catches SIGHUP from now on: one that comes before the
// reload loop runs waits for it instead of ending the process.
func notifyHangups() chan os.Signal {
	hangups := make(chan os.Signal, 1)
	signal.Notify(hangups, syscall.SIGHUP)
	return hangups
}

// reloadOnHangup reloads on every SIGHUP until ctx ends.
func reloadOnHangup(ctx context.Context, hangups chan os.Signal, reload func() error) {
	defer signal.Stop(hangups)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hangups:
			reload() // it logs its own outcome
		}
	}
}

// newMux serves every page. Its gatherer keeps the metrics of each list
// ready in the background until ctx ends.
func newMux(ctx context.Context, opts *options, src *accountSet, reload func() error, tracker collector.DriftReader,
	logger log.Logger) *http.ServeMux {
	gatherer := collector.NewGatherer(src, opts.enabled,
		versioncollector.NewCollector(programName),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collector.NewDriftCollector(src, tracker),
		collector.NewTokenCollector(src),
	)
	go gatherer.Warm(ctx, time.Second)
	metrics := gatherer.Handler(collector.HandlerOpts{
		ErrorLog:            promhttpLogger{logger},
		MaxRequestsInFlight: opts.maxRequests,
	})
	mux := http.NewServeMux()
	mux.Handle(opts.telemetryPath, promhttp.InstrumentMetricHandler(gatherer.Registerer(), metrics))
	mux.Handle("/-/healthy", web.Healthy())
	mux.Handle("/-/ready", web.Ready(src))
	mux.Handle("POST /-/reload", web.Reload(reload))
	pages := web.NewPages(src, web.PagesConfig{
		Landing: web.LandingConfig{
			Name: "DigitalOcean Exporter", Version: version.Info(), MetricsPath: opts.telemetryPath, Changes: pageChanges{tracker},
		},
		MaxRequests: opts.maxPageRequests,
	})
	mux.Handle("/inventory", pages.Inventory())
	if opts.telemetryPath != "/" {
		mux.Handle("/{$}", pages.Landing())
	}
	return mux
}

// listenUntilDone serves until ctx ends, then shuts the server down,
// letting scrapes in flight finish for a few seconds.
func listenUntilDone(ctx context.Context, server *http.Server, opts *options, slogger *slog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- toolkit.ListenAndServe(server, opts.web, slogger) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	slogger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// promhttpLogger sends promhttp's errors to our log.
type promhttpLogger struct{ logger log.Logger }

func (l promhttpLogger) Println(v ...any) {
	level.Error(l.logger).Log("msg", "serving metrics", "err", fmt.Sprint(v...))
}
