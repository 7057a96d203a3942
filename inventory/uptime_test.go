package inventory

import (
	"slices"
	"testing"
)

func TestMapUptimeFromExamples(t *testing.T) {
	check := mapExample(t, "uptime_checks.json", "checks", eachValue(mapUptimeCheck), 1)[0]
	if check.ID != "5a4981aa-9653-4bd1-bef5-d6bff52042e4" || check.Name != "Landing page check" || check.Type != "https" ||
		check.Target != "https://www.landingpage.com" || !slices.Equal(check.Regions, []string{"eu_west", "us_east"}) || !check.Enabled {
		t.Errorf("check: %+v", check)
	}
	var body struct{ State *uptimeStateWire }
	decodeExample(t, "uptime_check_state.json", &body)
	regions := mapUptimeState(body.State)
	want := []UptimeRegion{{"eu_west", "UP", 0.9799}, {"us_east", "UP", 0.9799}}
	if !slices.Equal(regions, want) {
		t.Errorf("regions %+v, want %+v (97.99%% exactly, not as a float32)", regions, want)
	}
	if up, known := regions[0].Up(); !up || !known {
		t.Errorf("UP reads as up %v, known %v", up, known)
	}
}

func TestWorstRatioIsTheLowestRegion(t *testing.T) {
	if _, known := WorstRatio(nil); known {
		t.Error("a check no region reports has a ratio")
	}
	regions := []UptimeRegion{{"eu_west", "DOWN", 0.935}, {"us_east", "UP", 0.972}, {"us_west", "PAUSED", 1}}
	if ratio, _ := WorstRatio(regions); ratio != 0.935 {
		t.Errorf("worst ratio %v, want 0.935", ratio)
	}
	if _, known := regions[2].Up(); known {
		t.Error("a status other than UP or DOWN says whether the target is up")
	}
}
