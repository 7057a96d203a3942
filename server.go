package main

import (
	"log"
	"net/http"
	"time"
)

// timeouts bound how long one connection may hold the server's memory and,
// through a request in flight, one of --web.max-requests' slots.
type timeouts struct {
	readHeader time.Duration // a client that connects and sends nothing, or a header at a trickle
	read       time.Duration // the whole request, body included
	// write runs from the end of the request's header to the end of the
	// answer: a client that stops reading gives up its slot and the
	// scrape's buffers after it. It must outlast the largest scrape over a
	// slow link; Prometheus gives up on a scrape after its scrape_timeout
	// (at most the scrape interval, commonly 10s to 1m) anyway.
	write time.Duration
	idle  time.Duration // a kept-alive connection between requests; longer than a 1m scrape interval
}

var serverTimeouts = timeouts{readHeader: 10 * time.Second, read: 30 * time.Second, write: 2 * time.Minute, idle: 2 * time.Minute}

// newServer is the exporter's HTTP server: every page behind handler, and
// no connection kept longer than t allows.
func newServer(handler http.Handler, errorLog *log.Logger, t timeouts) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
		MaxHeaderBytes:    64 << 10, // a scrape's header is well under 1 kB; Go's default is 1 MB
		ErrorLog:          errorLog,
	}
}
