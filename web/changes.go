package web

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
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

// lastHour is the last hour's changes, read once per request; known is
// false without a drift tracker.
type lastHour struct {
	known   bool
	changes []Change
}

func readLastHour(changes RecentChanges) lastHour {
	if changes == nil {
		return lastHour{}
	}
	return lastHour{known: true, changes: changes.RecentChanges()}
}

// version names the changes, for the cache of the page.
func (l lastHour) version() string {
	if !l.known {
		return "unknown"
	}
	h := fnv.New64a()
	for _, c := range l.changes {
		w := c.Workload
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%d\n", c.Account, w.Kind, w.ID, w.Name, w.Region, c.Type, c.Fields,
			c.At.UnixNano())
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// list is what the page lists of the changes, the newest first; since
// says how long ago each was.
func (l lastHour) list(since func(time.Time) string) changeList {
	if !l.known {
		return changeList{}
	}
	recent := slices.Clone(l.changes)
	slices.SortFunc(recent, func(a, b Change) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(a.Workload.Name, b.Workload.Name))
	})
	list := changeList{Known: true, More: max(0, len(recent)-changesShown)}
	for _, c := range recent[:min(len(recent), changesShown)] {
		w := c.Workload
		list.Rows = append(list.Rows, changeRow{
			At: c.At.UTC().Format(time.RFC3339), Ago: since(c.At), Account: c.Account, Kind: w.Kind, ID: w.ID,
			Name: w.Name, Region: w.Region, Type: c.Type, Fields: c.Fields,
		})
	}
	return list
}
