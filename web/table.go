package web

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// rowsPerPage is how many workloads a page of the table shows: enough to
// scroll through, few enough that a page of a large account stays light.
const rowsPerPage = 100

// Paging and sorting parameters of the page, besides the filters.
const (
	paramSort = "sort" // a column's key; "-" before it sorts descending
	paramPage = "page" // 1 for the first
)

// column is one sortable column of the workload table.
type column struct {
	Key, Label string
	value      func(r *Row, projects map[string]string) string
}

// columns of the workload table, in order.
var columns = []column{
	{"kind", "Kind", func(r *Row, _ map[string]string) string { return r.Kind }},
	{"name", "Name", func(r *Row, _ map[string]string) string { return r.Name }},
	{"account", "Account", func(r *Row, _ map[string]string) string { return r.Account }},
	{"project", "Project", func(r *Row, p map[string]string) string { return p[r.ProjectID] }},
	{"region", "Region", func(r *Row, _ map[string]string) string { return r.Region }},
	{"status", "Status", func(r *Row, _ map[string]string) string { return r.Status }},
	{"size", "Size", func(r *Row, _ map[string]string) string { return r.Size }},
	{"version", "Version", func(r *Row, _ map[string]string) string { return r.Engine + " " + r.Version }},
	{"tags", "Tags", func(r *Row, _ map[string]string) string { return strings.Join(r.Tags, ",") }},
	{"addresses", "Public addresses", func(r *Row, _ map[string]string) string { return strings.Join(r.PublicAddresses, ",") }},
	{"created", "Created", func(r *Row, _ map[string]string) string { return formatTime(r.Created) }},
	{"price", "Monthly price", func(r *Row, _ map[string]string) string { return formatPrice(r.MonthlyPrice) }},
}

// tableQuery is what the page's query asks of the table: the sort and the
// page, besides the filter.
type tableQuery struct {
	sort       string // a column key, or "" for the inventory's order
	descending bool
	page       int
}

// parseTableQuery reads ?sort= and ?page=; an unknown column or a page
// that is not a whole number from 1 is an error.
func parseTableQuery(q url.Values) (tableQuery, error) {
	t := tableQuery{page: 1}
	if sort := q.Get(paramSort); sort != "" {
		key := strings.TrimPrefix(sort, "-")
		if !slices.ContainsFunc(columns, func(c column) bool { return c.Key == key }) {
			return t, fmt.Errorf("unknown sort %q: want a column (name, region, created...), - before it to reverse", sort)
		}
		t.sort, t.descending = key, key != sort
	}
	if page := q.Get(paramPage); page != "" {
		n, err := strconv.Atoi(page)
		if err != nil || n < 1 {
			return t, fmt.Errorf("page %q: want a whole number from 1", page)
		}
		t.page = n
	}
	return t, nil
}

// sortParam is the sort as ?sort= gives it.
func (t tableQuery) sortParam() string {
	if t.sort != "" && t.descending {
		return "-" + t.sort
	}
	return t.sort
}

// addTo adds the sort and the page to a query, as links write them: no
// page for the first.
func (t tableQuery) addTo(q url.Values) {
	if t.sort != "" {
		q.Set(paramSort, t.sortParam())
	}
	if t.page > 1 {
		q.Set(paramPage, strconv.Itoa(t.page))
	}
}

// workloadTable is one page of the workloads the filter selects.
type workloadTable struct {
	Rows          []Row
	Selected, All int // rows the filter selects, rows there are
	First, Last   int // the numbers of the page's first and last rows; 0 for none
	Page, Pages   int
	Headers       []header
	Prev, Next    string // links to the neighbouring pages; "" at an end
	FirstPage     string
	LastPage      string
}

// header is a column's heading: its link sorts by it, the other way round
// when it already does.
type header struct {
	Label, Link string
	Sort        string // ascending, descending or ""
}

// newWorkloadTable sorts the selected rows and cuts out the page asked for;
// a page past the end shows the last. Its links keep the filter.
func newWorkloadTable(selected []Row, all int, t tableQuery, filter Filter, projects map[string]string) workloadTable {
	if i := slices.IndexFunc(columns, func(c column) bool { return c.Key == t.sort }); i >= 0 {
		value := columns[i].value
		slices.SortStableFunc(selected, func(a, b Row) int {
			order := compareNatural(value(&a, projects), value(&b, projects))
			if t.descending {
				return -order
			}
			return order
		})
	}
	table := workloadTable{Selected: len(selected), All: all, Pages: max(1, (len(selected)+rowsPerPage-1)/rowsPerPage)}
	table.Page = min(t.page, table.Pages)
	start := (table.Page - 1) * rowsPerPage
	table.Rows = selected[start:min(start+rowsPerPage, len(selected))]
	if len(table.Rows) > 0 {
		table.First, table.Last = start+1, start+len(table.Rows)
	}
	for _, c := range columns {
		h := header{Label: c.Label, Link: pageLink(filter, tableQuery{sort: c.Key, page: 1})}
		if c.Key == t.sort {
			h.Sort = map[bool]string{false: "ascending", true: "descending"}[t.descending]
			if !t.descending {
				h.Link = pageLink(filter, tableQuery{sort: c.Key, descending: true, page: 1})
			}
		}
		table.Headers = append(table.Headers, h)
	}
	page := func(n int) string {
		return pageLink(filter, tableQuery{sort: t.sort, descending: t.descending, page: n})
	}
	if table.Page > 1 {
		table.Prev, table.FirstPage = page(table.Page-1), page(1)
	}
	if table.Page < table.Pages {
		table.Next, table.LastPage = page(table.Page+1), page(table.Pages)
	}
	return table
}

// pageLink is the page's own address with a filter, a sort and a page.
func pageLink(filter Filter, t tableQuery) string {
	q := filter.query()
	t.addTo(q)
	if len(q) == 0 {
		return "/"
	}
	return "?" + q.Encode()
}

// compareNatural orders text as a person reads it: numbers by value
// (web-9 before web-10), letters without regard to case.
func compareNatural(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, _ := strconv.ParseUint(da, 10, 64)
			nb, _ := strconv.ParseUint(db, 10, 64)
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		ra, rb := strings.ToLower(a[:1]), strings.ToLower(b[:1])
		if c := strings.Compare(ra, rb); c != 0 {
			return c
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 19 {
		i++
	}
	return s[:i]
}
