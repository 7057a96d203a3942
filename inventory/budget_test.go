package inventory

import (
	"testing"
	"time"
)

// hourly is what a budget's plan now sends an hour.
func hourly(b *budget, costs map[string]float64) float64 {
	total := 0.0
	for kind, requests := range costs {
		total += requests * float64(time.Hour) / float64(b.interval(kind))
	}
	return total
}

// TestBudgetStretchesTheDetailsFirst: over budget, the details wait; the
// lists keep their interval while they fit beside the details' share.
func TestBudgetStretchesTheDetailsFirst(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute, false)
	b.plan(KindDatabaseTrustedSources, 15*time.Minute, true)

	// 51 pages every 2 minutes is 1,530 an hour: within 2,500.
	if _, changed := b.record(KindDroplets, 51, 5000); changed || b.interval(KindDroplets) != 2*time.Minute {
		t.Errorf("within budget: interval %v", b.interval(KindDroplets))
	}
	// 500 databases every 15 minutes add 2,000 an hour: 3,530 > 2,500. The
	// lists keep their 1,530; the details get the other 970.
	plan, changed := b.record(KindDatabaseTrustedSources, 500, 5000)
	if !changed || plan.requestsPerHour() != 3530 || plan.allowedPerHour != 2500 {
		t.Fatalf("plan %+v, changed %v", plan, changed)
	}
	if got := b.interval(KindDroplets); got != 2*time.Minute {
		t.Errorf("droplets stretched to %v, want their 2m", got)
	}
	detailInterval := 15 * time.Minute
	if got, want := b.interval(KindDatabaseTrustedSources), time.Duration(float64(detailInterval)*2000/970); got != want {
		t.Errorf("trusted sources every %v, want %v", got, want)
	}
	costs := map[string]float64{KindDroplets: 51, KindDatabaseTrustedSources: 500}
	if n := hourly(b, costs); n > 2500.001 {
		t.Errorf("stretched plan still sends %.0f requests an hour", n)
	}
	// The account's limit grows: no stretching needed any more.
	if _, changed := b.record(KindDroplets, 51, 10000); !changed || b.interval(KindDatabaseTrustedSources) != 15*time.Minute {
		t.Errorf("after a larger limit: interval %v, changed %v", b.interval(KindDatabaseTrustedSources), changed)
	}
}

// TestBudgetKeepsAShareForTheDetails: lists that would take the whole
// budget are stretched to leave the details a quarter of it; details that
// need less than that leave the rest to the lists.
func TestBudgetKeepsAShareForTheDetails(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute, false)
	b.plan(KindDatabaseTrustedSources, 15*time.Minute, true)
	b.record(KindDroplets, 80, 5000)                            // 2,400 an hour
	plan, _ := b.record(KindDatabaseTrustedSources, 1800, 5000) // 7,200 an hour
	if plan.listStretch != 2400.0/1875 || plan.detailStretch != 7200.0/625 {
		t.Errorf("lists stretched %.3f, details %.3f; want 2400/1875 and 7200/625", plan.listStretch, plan.detailStretch)
	}
	if n := hourly(b, map[string]float64{KindDroplets: 80, KindDatabaseTrustedSources: 1800}); n > 2500.001 {
		t.Errorf("stretched plan still sends %.0f requests an hour", n)
	}
	plan, _ = b.record(KindDatabaseTrustedSources, 25, 5000) // 100 an hour
	if plan.detailStretch != 1 || plan.listStretch != 2400.0/2400 {
		t.Errorf("with few details: lists stretched %.3f, details %.3f; want neither", plan.listStretch, plan.detailStretch)
	}
	b.record(KindDroplets, 100, 5000) // 3,000 an hour
	if plan, _ = b.record(KindDatabaseTrustedSources, 25, 5000); plan.detailStretch != 1 || plan.listStretch != 3000.0/2400 {
		t.Errorf("lists stretched %.3f, details %.3f; want the lists to 2,400 an hour, the details not at all",
			plan.listStretch, plan.detailStretch)
	}
}

func TestBudgetNeverPlansMoreThanTheBurstLimit(t *testing.T) {
	b := newBudget(1)
	b.plan(KindDroplets, time.Minute, false)
	plan, _ := b.record(KindDroplets, 300, 1_000_000)
	if plan.allowedPerHour != 250*60 || b.interval(KindDroplets) != time.Duration(float64(time.Minute)*300/250) {
		t.Errorf("plan %+v, interval %v", plan, b.interval(KindDroplets))
	}
}

// TestBudgetWithoutDetailsStretchesOnlyTheLists: an account whose details
// cost nothing yet (none read, or none enabled) still gets a finite plan.
func TestBudgetWithoutDetailsStretchesOnlyTheLists(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute, false)
	b.plan(KindDatabaseTrustedSources, 15*time.Minute, true)
	plan, _ := b.record(KindDroplets, 200, 5000) // 6,000 an hour
	if plan.listStretch != 6000.0/2500 || plan.detailStretch != 1 {
		t.Errorf("plan %+v, want the lists stretched to fit 2,500 and the details as they are", plan)
	}
	if got := b.interval(KindDatabaseTrustedSources); got != 15*time.Minute {
		t.Errorf("the details' interval: %v", got)
	}
}

// TestBudgetWithoutListsStretchesOnlyTheDetails: details alone over the
// budget (the lists' refreshes cost nothing so far) stretch the details,
// and leave the lists' intervals as configured, not NaN.
func TestBudgetWithoutListsStretchesOnlyTheDetails(t *testing.T) {
	b := newBudget(0.5)
	b.plan(KindDroplets, 2*time.Minute, false)
	b.plan(KindDatabaseTrustedSources, 15*time.Minute, true)
	plan, _ := b.record(KindDatabaseTrustedSources, 1500, 5000) // 6,000 an hour
	if plan.listStretch != 1 || plan.detailStretch < 6000.0/2500 {
		t.Errorf("plan %+v, want the details stretched to fit 2,500 and the lists as they are", plan)
	}
	if got := b.interval(KindDroplets); got != 2*time.Minute {
		t.Errorf("the lists' interval: %v", got)
	}
}
