// Package inventory lists an account's workloads from the DigitalOcean API
// in the background and publishes them as immutable snapshots. It is the
// only package that talks to godo.
package inventory

import (
	"maps"
	"strconv"
	"strings"
	"time"
)

// Snapshot is what is known of one account at one moment. A published
// snapshot is never changed: readers may keep it as long as they like.
// Each kind's list is read through its descriptor (Droplets.Of(s)), or as
// workloads through its Kind.
type Snapshot struct {
	Account  string            // the account label
	Status   map[string]Status // by resource kind; only enabled kinds
	API      APIStats
	Settings Settings
	lists    map[string]any // by kind: what its last successful refresh mapped
	// workloads are the projections of the workload kinds' lists, made once
	// when a list is put, since every scrape's rebuild, page and drift
	// reads them. Shared by all readers: never to be changed.
	workloads map[string][]Workload
}

// Settings are what the configuration says of an account that refreshes,
// collectors and checks read along with its lists.
type Settings struct {
	// OrganizationUUID, when set, makes billing insights cover the
	// organization (do:teamgroup:UUID) instead of the account's team.
	OrganizationUUID string
	// MonthlyBudget is what the account may spend in a month, in dollars;
	// 0 when none is set.
	MonthlyBudget float64
	// SnapshotAge is how old a snapshot may grow before it counts as waste;
	// 0 for DefaultSnapshotAge.
	SnapshotAge time.Duration
}

// DefaultSnapshotAge is how old a snapshot may grow before it counts as
// waste, unless the settings say otherwise.
const DefaultSnapshotAge = 90 * 24 * time.Hour

// put sets one kind's list on a snapshot that is not published yet.
func (s *Snapshot) put(kind string, list any) {
	s.lists = maps.Clone(s.lists)
	if s.lists == nil {
		s.lists = map[string]any{}
	}
	s.lists[kind] = list
	if k := KindNamed(kind); k != nil && k.project != nil {
		s.workloads = maps.Clone(s.workloads)
		if s.workloads == nil {
			s.workloads = map[string][]Workload{}
		}
		s.workloads[kind] = k.project(list)
	}
}

// Listing is one kind's list, to build a snapshot by hand: see NewSnapshot.
type Listing struct {
	kind string
	list any
}

// NewSnapshot builds by hand a snapshot of account that holds lists, each
// marked as refreshed once, successfully, at listedAt: for tests, and for
// anything that must stand in for a refresher.
func NewSnapshot(account string, listedAt time.Time, lists ...Listing) *Snapshot {
	s := &Snapshot{Account: account, Status: map[string]Status{}}
	for _, l := range lists {
		s.put(l.kind, l.list)
		s.Status[l.kind] = Status{Refreshes: 1, LastSuccess: listedAt}
	}
	return s
}

// Status is the refresh history of one resource kind.
type Status struct {
	Refreshes   int           // finished refreshes, successful or not
	LastSuccess time.Time     // zero until the first success
	Duration    time.Duration // of the last refresh
	Reason      Reason        // why the last refresh failed; "" when it succeeded
	Errors      map[Reason]uint64
	// Interval is the time until the next refresh as planned now: the
	// configured interval, stretched to keep within the request budget.
	Interval time.Duration
}

// Succeeded tells whether the last refresh of this kind worked.
func (s Status) Succeeded() bool { return s.Refreshes > 0 && s.Reason == "" }

// Known tells whether the kind's list has been fetched at least once, so its
// metrics mean something.
func (s Status) Known() bool { return !s.LastSuccess.IsZero() }

// APIStats describes this account's use of the API so far.
type APIStats struct {
	Requests    map[RequestKey]uint64
	RateLimit   RateLimit
	PausedUntil time.Time // end of the last pause after a 429; zero if none
	Pauses      uint64    // 429 answers that paused the account
}

// RequestKey is one label pair of the request counter.
type RequestKey struct {
	Endpoint string // a route template such as /v2/droplets
	Code     string // the HTTP status, or "error" when there was no answer
}

// RateLimit is what the last API answer said of the token's limit.
type RateLimit struct {
	Limit     int
	Remaining int
	Reset     time.Time
	Seen      bool // false until an answer carried the headers
}

// Version names the lists of kinds in each snapshot by when each was last
// listed and how its last refresh ended. It changes when one of them is
// published, and stays the same between two: what is built from those
// lists (a collector's encoded families, a page, a verdict) is kept under
// it. Monitored kinds publish after every reading: a cache that does not
// show them leaves them out.
func Version(snapshots []*Snapshot, kinds []string) string {
	var b strings.Builder
	for _, s := range snapshots {
		b.WriteString(s.Account)
		for _, kind := range kinds {
			status := s.Status[kind]
			b.WriteString("\x00" + kind + "=")
			b.WriteString(strconv.FormatInt(status.LastSuccess.UnixNano(), 10))
			b.WriteString("/" + string(status.Reason))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
