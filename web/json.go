package web

import (
	"encoding/json"
	"io"
)

// writeJSON writes the fleet as a json.Encoder with SetIndent("", "  ")
// does, but a row at a time: the encoder would hold the whole answer,
// twice, before writing a byte (33.5 MB at 40,000 Droplets).
func writeJSON(w io.Writer, f Fleet) error {
	j := &jsonWriter{w: w}
	j.text("{\n  \"refreshes\": ")
	writeJSONArray(j, f.Refreshes)
	j.text(",\n  \"workloads\": ")
	writeJSONArray(j, f.Workloads)
	if len(f.Notes) > 0 {
		j.text(",\n  \"notes\": ")
		writeJSONArray(j, f.Notes)
	}
	j.text("\n}\n")
	return j.err
}

// writeJSONArray writes items as the value of a field of the top object.
func writeJSONArray[T any](j *jsonWriter, items []T) {
	if len(items) == 0 {
		j.text("[]")
		return
	}
	for i, item := range items {
		if i == 0 {
			j.text("[\n    ")
		} else {
			j.text(",\n    ")
		}
		j.value(item)
	}
	j.text("\n  ]")
}

// jsonWriter keeps the first error of its writes.
type jsonWriter struct {
	w   io.Writer
	err error
}

func (j *jsonWriter) text(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// value writes v indented as an element of a field of the top object.
func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	var b []byte
	if b, j.err = json.MarshalIndent(v, "    ", "  "); j.err == nil {
		_, j.err = j.w.Write(b)
	}
}
