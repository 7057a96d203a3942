package inventory

import (
	"testing"
	"time"
)

func TestBudgetStretchesIntervalsToStayUnder(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute)
	b.plan(KindDatabaseTrustedSources, 15*time.Minute)

	// 51 pages every 2 minutes is 1,530 an hour: within 2,500.
	if _, changed := b.record(KindDroplets, 51, 5000); changed || b.interval(KindDroplets) != 2*time.Minute {
		t.Errorf("within budget: interval %v", b.interval(KindDroplets))
	}
	// 500 databases every 15 minutes add 2,000 an hour: 3,530 > 2,500.
	plan, changed := b.record(KindDatabaseTrustedSources, 500, 5000)
	if !changed || plan.requestsPerHour != 3530 || plan.allowedPerHour != 2500 {
		t.Fatalf("plan %+v, changed %v", plan, changed)
	}
	stretched := b.interval(KindDroplets)
	if want := time.Duration(float64(2*time.Minute) * 3530 / 2500); stretched != want {
		t.Errorf("stretched droplet interval %v, want %v", stretched, want)
	}
	hourly := 51*float64(time.Hour)/float64(stretched) + 500*float64(time.Hour)/float64(b.interval(KindDatabaseTrustedSources))
	if hourly > 2500.001 {
		t.Errorf("stretched plan still sends %.0f requests an hour", hourly)
	}
	// The account's limit grows: no stretching needed any more.
	if _, changed := b.record(KindDroplets, 51, 10000); !changed || b.interval(KindDroplets) != 2*time.Minute {
		t.Errorf("after a larger limit: interval %v, changed %v", b.interval(KindDroplets), changed)
	}
}

func TestBudgetNeverPlansMoreThanTheBurstLimit(t *testing.T) {
	b := newBudget(1)
	b.plan(KindDroplets, time.Minute)
	plan, _ := b.record(KindDroplets, 300, 1_000_000)
	if plan.allowedPerHour != 250*60 || b.interval(KindDroplets) != time.Duration(float64(time.Minute)*300/250) {
		t.Errorf("plan %+v, interval %v", plan, b.interval(KindDroplets))
	}
}
