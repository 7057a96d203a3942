// Package testlog holds what tests need to read what the exporter logs.
package testlog

import (
	"bytes"
	"sync"
)

// Buffer is a log sink that concurrent writers and a reading test can share.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
