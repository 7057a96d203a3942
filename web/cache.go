package web

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
)

// The bounds of each cache of answers (the page's, /inventory's): the
// least recently used answer is dropped first. At 40,000 Droplets a page
// holds 74 kB, and the whole inventory 1.2 MB as JSON or 0.9 MB as CSV,
// kept gzipped.
const (
	cacheEntries = 32
	cacheBytes   = 16 << 20
)

// sized is an answer that tells how many bytes it holds.
type sized interface{ size() int }

// cache keeps answers built at one version of the lists, by canonical
// query, so that one question costs one encoding until a refresh: a
// request for an answer being built waits for it, and a later one is given
// it. A new version drops every answer. Past maxEntries answers or
// maxBytes, the least recently used are dropped; the newest stays even
// when it alone is larger, as the request that built it held it anyway.
type cache[V sized] struct {
	// turn is shared by the caches of one Pages: one answer is built at a
	// time, so that distinct questions asked at once cost the memory of
	// one, and leave the other cores to scrapes.
	turn       chan struct{}
	maxEntries int
	maxBytes   int
	built      atomic.Int64 // builds started, for tests
	onBuild    func()       // called before each build, for tests

	mu      sync.Mutex
	version string
	entries []entry[V] // the least recently used first
	bytes   int
	flights map[string]*flight[V] // answers being built, by version and key
}

type entry[V sized] struct {
	key    string
	answer V
}

// flight is an answer being built, and the requests waiting for it.
type flight[V sized] struct {
	done    chan struct{}
	answer  V
	err     error
	waiting int
}

// errGaveUp is a flight's error when the request that was to build it went
// away while it waited for its turn: a request waiting for it builds it.
var errGaveUp = errors.New("the request building the answer went away")

func newCache[V sized](turn chan struct{}) *cache[V] {
	return &cache[V]{turn: turn, maxEntries: cacheEntries, maxBytes: cacheBytes, flights: map[string]*flight[V]{}}
}

// get returns the answer to key at version: from the cache, from the build
// in flight, or built by build. It gives up when ctx ends. A failed build
// is not kept: the next request tries again.
func (c *cache[V]) get(ctx context.Context, version, key string, build func() (V, error)) (V, error) {
	for {
		c.mu.Lock()
		c.moveTo(version)
		if answer, ok := c.lookup(key); ok {
			c.mu.Unlock()
			return answer, nil
		}
		id := version + "\x00" + key
		f, building := c.flights[id]
		if !building {
			f = &flight[V]{done: make(chan struct{})}
			c.flights[id] = f
			c.mu.Unlock()
			c.fly(ctx, version, key, id, f, build)
			if f.err == errGaveUp {
				return f.answer, ctx.Err()
			}
			return f.answer, f.err
		}
		f.waiting++
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.err != errGaveUp {
				return f.answer, f.err
			}
		case <-ctx.Done():
			var none V
			return none, ctx.Err()
		}
	}
}

// fly builds f's answer when its turn comes, keeps it if it is still of
// the cache's version, and hands it to the requests that wait for it.
func (c *cache[V]) fly(ctx context.Context, version, key, id string, f *flight[V], build func() (V, error)) {
	defer close(f.done)
	select {
	case c.turn <- struct{}{}:
		c.built.Add(1)
		if c.onBuild != nil {
			c.onBuild()
		}
		f.answer, f.err = build()
		<-c.turn
	case <-ctx.Done():
		f.err = errGaveUp
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.flights, id)
	if f.err == nil && version == c.version {
		c.add(key, f.answer)
	}
}

// moveTo drops every answer when the lists have another version.
func (c *cache[V]) moveTo(version string) {
	if version != c.version {
		c.version, c.entries, c.bytes = version, nil, 0
	}
}

// lookup returns the answer to key, now the most recently used.
func (c *cache[V]) lookup(key string) (V, bool) {
	i := slices.IndexFunc(c.entries, func(e entry[V]) bool { return e.key == key })
	if i < 0 {
		var none V
		return none, false
	}
	e := c.entries[i]
	c.entries = append(slices.Delete(c.entries, i, i+1), e)
	return e.answer, true
}

// add keeps an answer, dropping the least recently used past the bounds.
func (c *cache[V]) add(key string, answer V) {
	c.entries = append(c.entries, entry[V]{key, answer})
	c.bytes += answer.size()
	for len(c.entries) > 1 && (len(c.entries) > c.maxEntries || c.bytes > c.maxBytes) {
		c.bytes -= c.entries[0].answer.size()
		c.entries = slices.Delete(c.entries, 0, 1)
	}
}
