package collector

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/contentcoding"
)

// HandlerOpts are options of Gatherer.Handler; each means what the field
// of the same name in promhttp.HandlerOpts means.
type HandlerOpts struct {
	ErrorLog            promhttp.Logger
	MaxRequestsInFlight int
}

// acceptedFormats are the formats a scrape may negotiate, in the order
// promhttp prefers them with EnableOpenMetrics.
var acceptedFormats = expfmt.DefaultOpenMetricsAcceptedFormats()

// Handler serves the metrics as promhttp.HandlerFor(g, opts) would with
// ContinueOnError and EnableOpenMetrics (and its Registry, for
// promhttp_metric_handler_errors_total, set to g.Registerer()): the same
// content negotiation, headers, status codes and bytes once uncompressed,
// identity or gzip. Only the live families are encoded at each scrape;
// each list's families come encoded from its cache.
func (g *Gatherer) Handler(opts HandlerOpts) http.Handler {
	h := &metricsHandler{g: g, opts: opts, errorsTotal: handlerErrors(g.live)}
	if opts.MaxRequestsInFlight > 0 {
		h.inFlight = make(chan struct{}, opts.MaxRequestsInFlight)
	}
	return h
}

type metricsHandler struct {
	g           *Gatherer
	opts        HandlerOpts
	errorsTotal *prometheus.CounterVec
	inFlight    chan struct{} // nil: no limit
}

func (h *metricsHandler) ServeHTTP(rsp http.ResponseWriter, req *http.Request) {
	if h.inFlight != nil {
		select {
		case h.inFlight <- struct{}{}:
			defer func() { <-h.inFlight }()
		default:
			http.Error(rsp, fmt.Sprintf("Limit of concurrent requests reached (%d), try again later.",
				h.opts.MaxRequestsInFlight), http.StatusServiceUnavailable)
			return
		}
	}
	f := format{expfmt: expfmt.NegotiateAccept(req.Header, acceptedFormats...), gzip: contentcoding.AcceptsGzip(req.Header)}
	pieces, gatherErr, encodeErr := h.g.pieces(f)
	h.report("gathering", "error gathering metrics:", gatherErr)
	h.report("encoding", "error encoding and sending metric family:", encodeErr)
	if len(pieces) == 0 && gatherErr != nil {
		http.Error(rsp, "An error has occurred while serving metrics:\n\n"+gatherErr.Error(), http.StatusInternalServerError)
		return
	}
	if req.URL != nil {
		if names := req.URL.Query()["name[]"]; len(names) > 0 {
			pieces = onlyNamed(pieces, names)
		}
	}
	rsp.Header().Add("Vary", "Accept")
	rsp.Header().Add("Vary", "Accept-Encoding")
	rsp.Header().Set("Content-Type", string(f.expfmt))
	if f.gzip {
		rsp.Header().Set("Content-Encoding", "gzip")
	}
	h.report("encoding", "error encoding and sending metric family:", writeExposition(rsp, pieces, closing(f), f.gzip))
}

// report logs an error and counts it by cause, as promhttp does.
func (h *metricsHandler) report(cause, what string, err error) {
	if err == nil {
		return
	}
	if h.opts.ErrorLog != nil {
		h.opts.ErrorLog.Println(what, err)
	}
	h.errorsTotal.WithLabelValues(cause).Inc()
}

// onlyNamed keeps the pieces of the given names, as promhttp's
// name[] parameters do.
func onlyNamed(pieces []piece, names []string) []piece {
	kept := make([]piece, 0, len(names))
	for _, p := range pieces {
		for _, name := range names {
			if p.name == name {
				kept = append(kept, p)
				break
			}
		}
	}
	return kept
}

// handlerErrors registers promhttp_metric_handler_errors_total as promhttp
// does, or finds the one registered before.
func handlerErrors(reg prometheus.Registerer) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "promhttp_metric_handler_errors_total",
		Help: "Total number of internal errors encountered by the promhttp metric handler.",
	}, []string{"cause"})
	c.WithLabelValues("gathering")
	c.WithLabelValues("encoding")
	if err := reg.Register(c); err != nil {
		if are, ok := errors.AsType[prometheus.AlreadyRegisteredError](err); ok {
			return are.ExistingCollector.(*prometheus.CounterVec)
		}
		panic(err)
	}
	return c
}
