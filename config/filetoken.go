package config

import (
	"io/fs"
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

	mu      sync.Mutex
	current tokenFile // the read whose token is in use
	exposed bool      // the last read found the file readable by others
	stamp   fileStamp
}

// TokenEvents are told what happens to the file. Any may be nil.
type TokenEvents struct {
	Rotated func()          // a changed file held a new token, now in use
	Kept    func(err error) // a changed file could not be used; the previous token stays
	// ReadableByOthers: a read found that every user may read the file. It
	// is told once, and again only after a read found the file private.
	ReadableByOthers func()
}

type fileStamp struct {
	modTime time.Time
	size    int64
	mode    fs.FileMode
	missing bool
}

// NewFileToken reads the token file once; its errors are LoadToken's.
func NewFileToken(path string, events TokenEvents) (*FileToken, error) {
	stamp := stampOf(path)
	file, err := readTokenFile(path)
	if err != nil {
		return nil, err
	}
	f := &FileToken{path: path, events: events, current: file, stamp: stamp}
	f.noteExposure(file)
	return f, nil
}

// Token returns the current token, reading the file again if it changed.
func (f *FileToken) Token() string { return f.refresh().token.Reveal() }

// Loaded is the modification time of the file the token in use was read
// from; it moves on when a changed file brings a new token.
func (f *FileToken) Loaded() time.Time { return f.refresh().modTime }

// Source is SourceFile.
func (f *FileToken) Source() string { return SourceFile }

func (f *FileToken) refresh() tokenFile {
	f.mu.Lock()
	defer f.mu.Unlock()
	stamp := stampOf(f.path)
	if stamp == f.stamp {
		return f.current
	}
	f.stamp = stamp
	file, err := readTokenFile(f.path)
	switch {
	case err != nil:
		if f.events.Kept != nil {
			f.events.Kept(err)
		}
		return f.current
	case file.token != f.current.token:
		f.current = file
		if f.events.Rotated != nil {
			f.events.Rotated()
		}
	}
	f.noteExposure(file)
	return f.current
}

// noteExposure tells ReadableByOthers when a read finds the file open to
// every user and the read before did not.
func (f *FileToken) noteExposure(file tokenFile) {
	if file.readableByOthers && !f.exposed && f.events.ReadableByOthers != nil {
		f.events.ReadableByOthers()
	}
	f.exposed = file.readableByOthers
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{missing: true}
	}
	return fileStamp{modTime: info.ModTime(), size: info.Size(), mode: info.Mode()}
}
