package testtool

import "net/http"

// DiscardWriter is an http.ResponseWriter that keeps only the status and
// the size of the body, as a client reading the answer over the network
// leaves the server: benchmarks count the handler's memory, not a copy of
// its answer.
type DiscardWriter struct {
	header http.Header
	Code   int // 0 until a status is written
	Size   int
}

func NewDiscardWriter() *DiscardWriter { return &DiscardWriter{header: http.Header{}} }

func (w *DiscardWriter) Header() http.Header { return w.header }

func (w *DiscardWriter) WriteHeader(code int) {
	if w.Code == 0 {
		w.Code = code
	}
}

func (w *DiscardWriter) Write(p []byte) (int, error) {
	w.Size += len(p)
	return len(p), nil
}
