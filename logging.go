package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
	slgk "github.com/tjhop/slog-gokit"
)

var logLevels = map[string]struct {
	gokit level.Option
	slog  slog.Level
}{
	"debug": {level.AllowDebug(), slog.LevelDebug},
	"info":  {level.AllowInfo(), slog.LevelInfo},
	"warn":  {level.AllowWarn(), slog.LevelWarn},
	"error": {level.AllowError(), slog.LevelError},
}

// newLoggers returns the exporter's go-kit logger and, for exporter-toolkit,
// a *slog.Logger over the same output. The bridge gets the logger without
// "caller", which would otherwise point into the bridge on every line.
func newLoggers(w io.Writer, levelName, format string) (log.Logger, *slog.Logger, error) {
	lvl, ok := logLevels[levelName]
	if !ok {
		return nil, nil, fmt.Errorf("log.level: unknown level %q (debug, info, warn, error)", levelName)
	}
	var base log.Logger
	switch format {
	case "logfmt":
		base = log.NewLogfmtLogger(log.NewSyncWriter(w))
	case "json":
		base = log.NewJSONLogger(log.NewSyncWriter(w))
	default:
		return nil, nil, fmt.Errorf("log.format: unknown format %q (logfmt, json)", format)
	}
	base = log.With(level.NewFilter(base, lvl.gokit), "ts", log.DefaultTimestampUTC)
	bridge := withoutTime{slgk.NewGoKitHandler(base, lvl.slog)}
	return log.With(base, "caller", log.DefaultCaller), slog.New(bridge), nil
}

// withoutTime drops the time of slog's records: the go-kit logger stamps
// each line with ts already, and a second timestamp would only be noise.
type withoutTime struct{ slog.Handler }

func (h withoutTime) Handle(ctx context.Context, r slog.Record) error {
	r.Time = time.Time{}
	return h.Handler.Handle(ctx, r)
}

func (h withoutTime) WithAttrs(attrs []slog.Attr) slog.Handler {
	return withoutTime{h.Handler.WithAttrs(attrs)}
}

func (h withoutTime) WithGroup(name string) slog.Handler {
	return withoutTime{h.Handler.WithGroup(name)}
}
