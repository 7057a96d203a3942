package config

import (
	"os"
	"sync"
	"time"
)

// FileToken is a token read from a file, and read again whenever the file
// changes: DigitalOcean advises rotating tokens, and a rotated token is
// then used from the next request on, without a restart.
type FileToken struct {
	path   string
	events TokenEvents

	mu    sync.Mutex
	token Secret
	stamp fileStamp
}

// TokenEvents are told what happens to the file after the first read.
// Either may be nil.
type TokenEvents struct {
	Rotated func()          // a changed file held a new token, now in use
	Kept    func(err error) // a changed file could not be used; the previous token stays
}

type fileStamp struct {
	modTime time.Time
	size    int64
	missing bool
}

// NewFileToken reads the token file once; its errors are LoadToken's.
func NewFileToken(path string, events TokenEvents) (*FileToken, error) {
	stamp := stampOf(path)
	token, err := readTokenFile(path)
	if err != nil {
		return nil, err
	}
	return &FileToken{path: path, events: events, token: token, stamp: stamp}, nil
}

// Token returns the current token, reading the file again if it changed.
func (f *FileToken) Token() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	stamp := stampOf(f.path)
	if stamp == f.stamp {
		return f.token.Reveal()
	}
	f.stamp = stamp
	token, err := readTokenFile(f.path)
	switch {
	case err != nil && f.events.Kept != nil:
		f.events.Kept(err)
	case err == nil && token != f.token:
		f.token = token
		if f.events.Rotated != nil {
			f.events.Rotated()
		}
	}
	return f.token.Reveal()
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{missing: true}
	}
	return fileStamp{modTime: info.ModTime(), size: info.Size()}
}
