package fakeapi

import "time"

// SetAccount replaces everything the server serves. It encodes each object
// once, here, and keeps no reference to acct's maps. It panics when an
// object cannot be encoded as JSON.
func (s *Server) SetAccount(acct Account) {
	s.updating.Lock()
	defer s.updating.Unlock()
	s.setAccount(acct)
}

// Update calls f with a deep copy of what the server serves and then serves
// the result. The copy holds what JSON decoding gives back (json.Number for
// numbers, []any for lists), not the values that were set.
func (s *Server) Update(f func(*Account)) {
	s.updating.Lock()
	defer s.updating.Unlock()
	acct := s.content.Load().account()
	f(&acct)
	s.setAccount(acct)
}

func (s *Server) setAccount(acct Account) {
	c, err := encodeAccount(acct)
	if err != nil {
		panic(err)
	}
	s.content.Store(c)
}

// AddAccount serves acct to requests with token, beside the main account:
// one server then stands for several DigitalOcean accounts. Faults and
// counts are shared; Update changes the main account only.
func (s *Server) AddAccount(token string, acct Account) {
	c, err := encodeAccount(acct)
	if err != nil {
		panic(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.others == nil {
		s.others = map[string]*content{}
	}
	s.others[token] = c
}

// SetRateLimit makes the ratelimit-* headers report limit requests an hour
// instead of the API's 5,000, as for a token with a raised limit.
func (s *Server) SetRateLimit(limit int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rate.limit = limit
}

// SetClock makes the server tell time by now: when each request came, the
// rate-limit window it counts in, the balance's month to date and the last
// day billing insights cover; for tests that run in simulated time.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// SetToken makes later requests need token instead.
func (s *Server) SetToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.token = token
}

// SetFault makes requests to route fail as f says. A route is a URL path
// such as "/v2/databases" or "/v2/databases/<uuid>/firewall", a route
// template such as "/v2/databases/{id}/firewall" for every id, or "*" for
// every path. It replaces the route's earlier fault. A path's own fault
// comes before its template's, and both before "*". Faults apply before the
// token is checked; a method other than GET or HEAD is refused before any
// fault.
func (s *Server) SetFault(route string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[route] = &armedFault{Fault: f}
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.faults)
}
