package web

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// Kinds lists the workload kinds of the inventory, in the order it shows them.
var Kinds = inventory.Names(inventory.WorkloadKinds())

// Row is one workload of one account: the inventory's projection, with
// the names /inventory gives its fields. Fields a kind does not have are
// empty.
type Row struct {
	Kind            string     `json:"kind"`
	Account         string     `json:"account"`
	ID              string     `json:"id"`
	Name            string     `json:"name"`
	Region          string     `json:"region"`
	Geography       string     `json:"geography"`
	Status          string     `json:"status"` // for apps, the phase of the newest deployment
	Size            string     `json:"size"`
	Version         string     `json:"version"`
	Engine          string     `json:"engine"`
	Tags            []string   `json:"tags"`
	Created         *time.Time `json:"created"`
	PublicAddresses []string   `json:"public_addresses"`
	ProjectID       string     `json:"project_id"` // of the project that holds it; "" when none is known
	// Attributes are the kind's own facts; attributeColumns names them all.
	Attributes map[string]any `json:"attributes"`
	// MonthlyPrice is the workload's list price a month in dollars, as the
	// API gives it (inventory.ListPrices); nil when it gives none.
	MonthlyPrice *float64 `json:"monthly_price_dollars"`
}

// attributeColumns lists every attribute key of every kind, in CSV order.
var attributeColumns = func() []string {
	var keys []string
	for _, k := range inventory.WorkloadKinds() {
		for _, key := range k.AttributeKeys() {
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return keys
}()

// Refresh is how the last refresh of one kind of one account went.
type Refresh struct {
	Account     string     `json:"account"`
	Kind        string     `json:"kind"`
	LastSuccess *time.Time `json:"last_success"` // nil until a refresh worked
	Succeeded   bool       `json:"succeeded"`    // the last refresh worked
	Reason      string     `json:"reason"`       // why the last refresh failed; "" when it worked
	Pending     bool       `json:"pending"`      // no refresh has finished yet
}

// Fleet is every workload of every account, with the state of the data.
type Fleet struct {
	Refreshes []Refresh `json:"refreshes"`
	Workloads []Row     `json:"workloads"`
	// Notes say what a filter could not apply to, such as a tag filter and
	// kinds that carry no tags.
	Notes []string `json:"notes,omitempty"`
}

// newFleet flattens snapshots into rows, account by account and kind by
// kind. A kind whose list was never fetched, or that is not enabled, gives
// no rows: unknown is absent, not empty.
func newFleet(snapshots []*inventory.Snapshot) Fleet {
	fleet := Fleet{Refreshes: []Refresh{}, Workloads: []Row{}}
	for _, s := range snapshots {
		prices := inventory.ListPrices(s)
		projects := inventory.ProjectsOf(s)
		for _, kind := range inventory.WorkloadKinds() {
			status, enabled := s.Status[kind.Name()]
			if !enabled {
				continue
			}
			fleet.Refreshes = append(fleet.Refreshes, Refresh{
				Account: s.Account, Kind: kind.Name(), LastSuccess: timeOrNil(status.LastSuccess),
				Succeeded: status.Succeeded(), Reason: string(status.Reason), Pending: status.Refreshes == 0,
			})
			if status.Known() {
				rows := rowsOf(s.Account, kind.Workloads(s), prices, projects)
				fleet.Workloads = append(fleet.Workloads, sortedRows(rows)...)
			}
		}
	}
	return fleet
}

func rowsOf(account string, workloads []inventory.Workload, prices inventory.Prices,
	projects inventory.ProjectIndex) []Row {
	rows := make([]Row, len(workloads))
	for i, w := range workloads {
		rows[i] = Row{
			Kind: w.Kind, Account: account, ID: w.ID, Name: w.Name, Region: w.Region, Geography: w.Geography,
			Status: w.Status, Size: w.Size, Version: w.Version, Engine: w.Engine, Tags: nonNil(w.Tags),
			Created: timeOrNil(w.Created), PublicAddresses: nonNil(w.PublicAddresses), Attributes: w.Attributes,
			ProjectID: projects.Of(w.Kind, w.ID),
		}
		if price, ok := prices.Of(w.Kind, w.ID); ok {
			rows[i].MonthlyPrice = &price
		}
	}
	return rows
}

// formatPrice writes a price with cents, or "" for none.
func formatPrice(price *float64) string {
	if price == nil {
		return ""
	}
	return strconv.FormatFloat(*price, 'f', 2, 64)
}

func sortedRows(rows []Row) []Row {
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return rows
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
