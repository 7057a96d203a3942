package fakeapi

import (
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DemoToken is the token the --demo server accepts. It is not a secret.
const DemoToken = "dop_v1_demo"

// Server is a fake DigitalOcean API listening on 127.0.0.1.
type Server struct {
	URL string // such as http://127.0.0.1:40123

	http    *http.Server
	routes  routeTable
	closing chan struct{}
	close   sync.Once
	now     func() time.Time

	content  atomic.Pointer[content]
	updating sync.Mutex // serialises SetAccount and Update

	mu       sync.Mutex // guards the fields below
	token    string
	others   map[string]*content // more accounts, by token; see AddAccount
	faults   faults
	requests []*Request
	rate     rateCounter
	served   uint64
}

// NewServer serves acct to clients that present token, on a new port of
// 127.0.0.1, until Close.
func NewServer(token string, acct Account) (*Server, error) {
	c, err := encodeAccount(acct)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("fakeapi: listen: %w", err)
	}
	s := &Server{
		URL:     "http://" + ln.Addr().String(),
		closing: make(chan struct{}),
		now:     time.Now,
		token:   token,
		faults:  faults{},
	}
	s.routes = newRouteTable(s.clock)
	s.content.Store(c)
	s.http = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go s.http.Serve(ln)
	return s, nil
}

// clock is the server's time, as SetClock last set it.
func (s *Server) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

// Handler is the fake API as a handler, to mount on another server.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serve) }

// Close stops the server at once: it drops open connections and releases
// hung requests without waiting for them.
func (s *Server) Close() {
	s.close.Do(func() {
		close(s.closing)
		s.http.Close()
	})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	a := s.begin(w, r)
	template, build := s.routes.find(r)
	c, known := s.contentFor(r)
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		w.Header().Set("allow", "GET, HEAD")
		a.fail(errorFor(http.StatusMethodNotAllowed))
	case s.applyFault(a, r, template):
	case !known:
		a.fail(errorFor(http.StatusUnauthorized))
	case build == nil:
		a.fail(errorFor(http.StatusNotFound))
	default:
		a.respond(build(c, r))
	}
}

func (s *Server) applyFault(a *answer, r *http.Request, template string) bool {
	s.mu.Lock()
	f, ok := s.faults.take(r.URL.Path, template, r.URL.RequestURI())
	s.mu.Unlock()
	return ok && f.apply(a, r, s.closing)
}

// contentFor is what the request's token may read: the main account, or
// one added with AddAccount; false for a token the server does not know.
func (s *Server) contentFor(r *http.Request) (*content, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if token == s.token {
		return s.content.Load(), true
	}
	c, ok := s.others[token]
	return c, ok
}
