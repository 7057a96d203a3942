package fakeapi

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Request is one request the server received.
type Request struct {
	Method, Path, RawQuery string
	Status                 int       // 0 while unanswered, or when it hung
	At                     time.Time // when it came, by the server's clock (see SetClock)
}

// answer writes the response to one request and records its status.
type answer struct {
	w         http.ResponseWriter
	requestID string
	record    func(status int)
}

// begin records r, counts it against the rate limit and sets the headers
// every answer carries.
func (s *Server) begin(w http.ResponseWriter, r *http.Request) *answer {
	entry := &Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery}
	s.mu.Lock()
	entry.At = s.now()
	s.requests = append(s.requests, entry)
	s.served++
	id := requestID(s.served)
	rate := s.rate.add(entry.At)
	s.mu.Unlock()

	h := w.Header()
	h.Set("content-type", "application/json")
	h.Set("x-request-id", id)
	rate.setHeaders(h)
	return &answer{w: w, requestID: id, record: func(status int) {
		s.mu.Lock()
		entry.Status = status
		s.mu.Unlock()
	}}
}

// requestID is shaped like the API's request ids (a UUID).
func requestID(n uint64) string {
	return fmt.Sprintf("fa4e0000-0000-4000-8000-%012d", n)
}

func (a *answer) send(status int, body []byte) {
	a.record(status)
	a.w.Header().Set("content-length", strconv.Itoa(len(body)))
	a.w.WriteHeader(status)
	a.w.Write(body)
}

func (a *answer) fail(e *apiError) { a.send(e.status, e.body(a.requestID)) }

// Requests returns every request received since the start or the last
// ResetCounts, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
	}
	return out
}

// Count is the number of requests received with method ("" for any) and
// URL path.
func (s *Server) Count(method, path string) int {
	return s.count(method, func(p string) bool { return p == path })
}

// CountRoute is the number of requests received with method ("" for any)
// whose URL path fits template, such as "/v2/databases/{id}/firewall" for
// every id. A template without {id} counts its own path, as Count does.
func (s *Server) CountRoute(method, template string) int {
	return s.count(method, func(p string) bool {
		_, ok := fillTemplate(template, p)
		return ok
	})
}

func (s *Server) count(method string, pathFits func(string) bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if pathFits(r.Path) && (method == "" || r.Method == method) {
			n++
		}
	}
	return n
}

// ResetCounts forgets the requests received so far. The rate-limit window
// keeps counting them, as the API would.
func (s *Server) ResetCounts() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}
