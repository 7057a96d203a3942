package drift

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

// BaselineFile is a baseline kept in a file. It is read again when the
// file's modification time or size changes; a change that does not load
// leaves the previous baseline in use, and is logged once.
type BaselineFile struct {
	path   string
	logger log.Logger

	mu      sync.Mutex
	seen    fileStamp // of the last content read, whether it loaded or not
	current *Baseline
	loaded  bool // the last read loaded
}

// fileStamp tells one version of a file from another without reading it.
type fileStamp struct {
	modTime time.Time
	size    int64
	err     string // why the file could not be looked at
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{err: err.Error()}
	}
	return fileStamp{modTime: info.ModTime(), size: info.Size()}
}

// LoadBaselineFile reads the baseline at path; an error names the file and
// what is wrong in it.
func LoadBaselineFile(path string, logger log.Logger) (*BaselineFile, error) {
	f := &BaselineFile{path: path, logger: log.With(logger, "component", "drift", "baseline_file", path)}
	f.seen = stampOf(path)
	b, err := f.read()
	if err != nil {
		return nil, err
	}
	f.current, f.loaded = b, true
	return f, nil
}

func (f *BaselineFile) read() (*Baseline, error) {
	data, err := os.ReadFile(f.path)
	if err != nil {
		return nil, fmt.Errorf("baseline file: %w", err)
	}
	b, err := ParseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("baseline file %q: %w", f.path, err)
	}
	return b, nil
}

// Current returns the baseline in use, after reading the file again if it
// changed, and whether the last read loaded.
func (f *BaselineFile) Current() (*Baseline, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	stamp := stampOf(f.path)
	if stamp == f.seen {
		return f.current, f.loaded
	}
	f.seen = stamp
	b, err := f.read()
	if err != nil {
		f.loaded = false
		level.Error(f.logger).Log("msg", "the baseline file changed but does not load; keeping the previous baseline", "err", err)
		return f.current, false
	}
	f.current, f.loaded = b, true
	level.Info(f.logger).Log("msg", "baseline reloaded", "workloads", len(b.Entries), "kinds", strings.Join(b.Kinds, ","))
	return b, true
}
