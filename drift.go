package main

import (
	"context"
	"sync"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"

	"github.com/digitalocean-exporter/digitalocean_exporter/collector"
	"github.com/digitalocean-exporter/digitalocean_exporter/drift"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/web"
)

// newDriftTracker follows how the workloads change and, with
// --drift.baseline-file, how they differ from the baseline; a baseline
// that does not load stops the start.
func newDriftTracker(opts *options, logger log.Logger) (*drift.Tracker, error) {
	var baseline *drift.BaselineFile
	if opts.driftBaselineFile != "" {
		var err error
		if baseline, err = drift.LoadBaselineFile(opts.driftBaselineFile, logger); err != nil {
			return nil, err
		}
		b, _ := baseline.Current()
		level.Info(logger).Log("msg", "judging drift from the baseline", "baseline_file", opts.driftBaselineFile,
			"workloads", len(b.Entries))
	}
	return drift.NewTracker(logger, baseline), nil
}

// startDemoChanges walks the demo account through fakeapi.DemoChanges,
// one step every interval, until ctx ends or stop is called. An interval of
// 0 changes nothing.
func startDemoChanges(ctx context.Context, demo *fakeapi.Server, every time.Duration, logger log.Logger) (stop func()) {
	if every <= 0 {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		ticker := time.NewTicker(every)
		defer ticker.Stop()
		changes := fakeapi.DemoChanges()
		for step := 0; ; step++ {
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
			change := changes[step%len(changes)]
			demo.Update(change.Apply)
			level.Info(logger).Log("msg", "demo: changed the sample account", "change", change.Description)
		}
	})
	return func() {
		cancel()
		wg.Wait()
	}
}

// pageChanges hands the landing page the drift tracker's last hour.
type pageChanges struct{ tracker collector.DriftReader }

func (p pageChanges) RecentChanges() []web.Change {
	recent := p.tracker.Recent()
	changes := make([]web.Change, len(recent))
	for i, r := range recent {
		changes[i] = web.Change{Account: r.Account, Workload: r.Workload, Type: string(r.Type), Fields: r.FieldNames(), At: r.At}
	}
	return changes
}
