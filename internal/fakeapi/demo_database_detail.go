package fakeapi

import (
	"fmt"
	"time"
)

// backupPlans say, by engine, how many daily backups a database of the
// demo has and how long before the history's end the newest was taken.
// The API's examples have no backup, so these are made from scratch.
var backupPlans = map[string]struct {
	count int
	age   time.Duration
}{
	"pg":      {7, 6 * time.Hour},
	"mysql":   {7, 3 * day}, // its backups stopped three days before
	"mongodb": {0, 0},       // none yet
	"kafka":   {7, 10 * time.Hour},
}

// backups of database i: daily, the newest first, as the API lists them.
// A Caching cluster (valkey) has none to list.
func (b builder) backups(i int) []map[string]any {
	plan, backedUp := backupPlans[dbEngines[i%len(dbEngines)].slug]
	if !backedUp {
		return nil
	}
	out := make([]map[string]any, plan.count)
	for j := range out {
		taken := epoch.Add(history - plan.age - time.Duration(j)*day)
		out[j] = map[string]any{"created_at": stamp(taken), "size_gigabytes": 0.5 + float64(j)/10}
	}
	return out
}

// replicaPlans say which demo databases have read-only replicas, by
// engine, and in what state; none carries its connection, which the API
// sends with a password.
var replicaPlans = map[string][]string{
	"pg":    {"online", "online"},
	"mysql": {"creating"},
}

func (b builder) replicas(i int) []map[string]any {
	e := dbEngines[i%len(dbEngines)]
	states := replicaPlans[e.slug]
	out := make([]map[string]any, len(states))
	for j, status := range states {
		r := regions[(i+2+j)%len(regions)]
		out[j] = map[string]any{
			"id": fakeUUID("replica", i, j), "name": fmt.Sprintf("%s-%s-replica-%d", e.purpose, e.slug, j+1),
			"region": r.slug, "status": status, "size": e.size, "private_network_uuid": vpcUUID(r),
			"created_at": stamp(createdAt(i, b.size[Databases]).Add(time.Duration(j+1) * 30 * day)),
			"tags":       []string{},
		}
	}
	return out
}
