package web

import (
	"cmp"
	"slices"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// RecentChanges is what the page reads of drift: each workload's last
// change of each type in the last hour. (The page does not import drift,
// whose tests read the page's /inventory; main hands it the tracker's.)
type RecentChanges interface {
	RecentChanges() []Change
}

// Change is one workload's change, as drift tells it.
type Change struct {
	Account  string
	Workload inventory.Workload // as it is now; as it was, when removed
	Type     string             // added, removed or modified
	Fields   string             // what a modification changed, such as size,status
	At       time.Time
}

// changesShown is how many of the last hour's changes the page lists, the
// newest first; the metric digitalocean_inventory_recent_change_info has
// them all.
const changesShown = 50

// changeRow is one change as the page lists it.
type changeRow struct {
	At, Ago                                       string
	Account, Kind, ID, Name, Region, Type, Fields string
}

// changeList is the last hour's changes the page lists, and how many more
// there are.
type changeList struct {
	Known bool // the page has a drift tracker to read
	Rows  []changeRow
	More  int
}

func recentChanges(changes RecentChanges, now time.Time) changeList {
	if changes == nil {
		return changeList{}
	}
	recent := changes.RecentChanges()
	slices.SortFunc(recent, func(a, b Change) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(a.Workload.Name, b.Workload.Name))
	})
	list := changeList{Known: true, More: max(0, len(recent)-changesShown)}
	for _, c := range recent[:min(len(recent), changesShown)] {
		w := c.Workload
		list.Rows = append(list.Rows, changeRow{
			At: c.At.UTC().Format(time.RFC3339), Ago: age(now.Sub(c.At)), Account: c.Account, Kind: w.Kind, ID: w.ID,
			Name: w.Name, Region: w.Region, Type: c.Type, Fields: c.Fields,
		})
	}
	return list
}
