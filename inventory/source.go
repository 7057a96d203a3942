package inventory

// Source gives the current snapshot of every watched account. Collectors and
// pages read through it; they never reach the API.
type Source interface {
	Snapshots() []*Snapshot
}

// Refreshers is the Source of a set of accounts.
type Refreshers []*Refresher

// Snapshots returns each account's latest snapshot, in account order.
func (rs Refreshers) Snapshots() []*Snapshot {
	snapshots := make([]*Snapshot, len(rs))
	for i, r := range rs {
		snapshots[i] = r.Snapshot()
	}
	return snapshots
}

// Up tells whether the account's token is accepted and the API answers: the
// last /v2/account call worked, or was refused only for lack of a scope.
func (s *Snapshot) Up() bool {
	status := s.Status[KindAccount]
	return status.Succeeded() || status.Reason == ReasonForbidden
}

// Ready tells whether every enabled kind has finished its first refresh,
// whether it worked or not.
func (s *Snapshot) Ready() bool {
	for _, status := range s.Status {
		if status.Refreshes == 0 {
			return false
		}
	}
	return true
}
