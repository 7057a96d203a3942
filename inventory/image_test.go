package inventory

import (
	"fmt"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

// The API's example of all images repeats id 7555621 for four different
// images; each ID is kept once, the first.
func TestMapImagesFromExamples(t *testing.T) {
	var body struct{ Images []godo.Image }
	decodeExample(t, "images.json", &body)
	if len(body.Images) != 6 {
		t.Fatalf("the example has %d images, want 6", len(body.Images))
	}
	list, dropped := Images.unique(eachValue(mapImage)(body.Images))
	got := list.([]Image)
	if dropped != 3 {
		t.Errorf("%d repeated images dropped, want the example's 3", dropped)
	}
	created := time.Date(2014, 11, 4, 22, 23, 2, 0, time.UTC)
	want := []Image{{
		ID: 7555620, Name: "Nifty New Snapshot", Type: "snapshot", Distribution: "Ubuntu", Status: "available",
		Regions: []string{"nyc2", "nyc3"}, SizeBytes: 2512555868, Created: created,
	}, {
		ID: 7555621, Name: "Another Snapshot", Type: "snapshot", Distribution: "Ubuntu", Status: "available",
		Regions: []string{"nyc2"}, SizeBytes: 2512555868, Created: created,
	}, {
		ID: 63663980, Name: "20.04 (LTS) x64", Type: "snapshot", Distribution: "Ubuntu", Status: "available",
		Regions: []string{"nyc2", "nyc3"}, SizeBytes: 2534030705, Created: time.Date(2020, 5, 15, 5, 47, 50, 0, time.UTC),
	}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("images:\n got %+v\nwant %+v", got, want)
	}
}

func TestFirstOfEachKeepsOrder(t *testing.T) {
	got := firstOfEach([]string{"b", "a", "b", "c", "a"}, func(s *string) string { return *s })
	if fmt.Sprint(got) != "[b a c]" {
		t.Errorf("got %v, want [b a c]", got)
	}
}
