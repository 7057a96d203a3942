package inventory

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestMapAutoscalePoolsFromExamples: the example's dynamic pool, with its
// Droplet template's size and region; its user_data is never decoded.
func TestMapAutoscalePoolsFromExamples(t *testing.T) {
	var body struct {
		Pools []autoscalePoolWire `json:"autoscale_pools"`
	}
	decodeExample(t, "droplet_autoscale_pools.json", &body)
	p := eachValue(mapAutoscalePool)(body.Pools)[0]
	want := AutoscalePool{ID: "0d3db13e-a604-4944-9827-7ec2642d32ac", Name: "test-autoscaler-group-01", Region: "tor1",
		Size: "c-2", Status: "active", Min: Limit{1, true}, Max: Limit{5, true}, Active: 1,
		Created: time.Date(2020, 11, 19, 20, 27, 18, 0, time.UTC)}
	if fmt.Sprint(p) != fmt.Sprint(want) {
		t.Errorf("pool %+v, want %+v", p, want)
	}
	if strings.Contains(fmt.Sprintf("%#v", body.Pools), "cloud-config") {
		t.Error("the user data was decoded")
	}
}
