package web

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// csvColumns are the fixed columns; the attribute columns follow them.
var csvColumns = []string{
	"kind", "account", "id", "name", "region", "status", "size", "version", "engine",
	"tags", "created", "public_addresses", "project_id", "monthly_price_dollars",
}

// writeCSV writes one line per row. Tags and addresses are joined with
// spaces, which neither can contain. Attributes a kind does not have are
// empty.
func writeCSV(w io.Writer, rows []Row) error {
	out := csv.NewWriter(w)
	out.Write(append(append([]string{}, csvColumns...), attributeColumns...))
	for _, r := range rows {
		record := []string{
			r.Kind, r.Account, r.ID, r.Name, r.Region, r.Status, r.Size, r.Version, r.Engine,
			strings.Join(r.Tags, " "), formatTime(r.Created), strings.Join(r.PublicAddresses, " "), r.ProjectID,
			formatPrice(r.MonthlyPrice),
		}
		for _, key := range attributeColumns {
			if v, ok := r.Attributes[key]; ok {
				record = append(record, fmt.Sprint(v))
			} else {
				record = append(record, "")
			}
		}
		for i := range record {
			record[i] = cell(record[i])
		}
		out.Write(record)
	}
	out.Flush()
	return out.Error()
}

// cell keeps a spreadsheet from reading API text as a formula: a value
// that starts with = + - @ or a control character gets a leading quote, as
// OWASP advises against CSV injection.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
