package collector

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
)

// format is what a scrape asked for: an exposition format with its
// escaping scheme, as expfmt negotiates it, and whether gzipped.
type format struct {
	expfmt expfmt.Format
	gzip   bool
}

// piece is one metric family encoded in a format by expfmt's encoder:
// plain, or deflated for a gzipped format (see gzip.go). A response is
// the pieces of every family in name order, as promhttp writes them,
// then what the encoder writes on Close (OpenMetrics' "# EOF").
type piece struct {
	name     string
	data     []byte
	deflated bool
	crc      uint32 // CRC-32 of the plain encoding, when deflated
	size     int    // length of the plain encoding
}

// encode encodes each family into a piece of its own, deflated as it is
// encoded for a gzipped format, on every core. A family that does not
// encode is left out and reported.
func encode(families []*dto.MetricFamily, f format) ([]piece, error) {
	pieces := make([]piece, len(families))
	errs := make([]error, len(families))
	parallel(len(families), func(i int) {
		pieces[i], errs[i] = encodeFamily(families[i], f)
	})
	pieces = slices.DeleteFunc(pieces, func(p piece) bool { return p.name == "" }) // did not encode
	return pieces, errors.Join(errs...)
}

func encodeFamily(mf *dto.MetricFamily, f format) (piece, error) {
	var b bytes.Buffer
	if !f.gzip {
		if err := expfmt.NewEncoder(&b, f.expfmt).Encode(mf); err != nil {
			return piece{}, fmt.Errorf("encoding %s: %w", mf.GetName(), err)
		}
		return piece{name: mf.GetName(), data: bytes.Clone(b.Bytes()), size: b.Len()}, nil
	}
	d := newDeflater(&b)
	err := expfmt.NewEncoder(d, f.expfmt).Encode(mf)
	d.end(false) // writes to a bytes.Buffer, which cannot fail
	if err != nil {
		return piece{}, fmt.Errorf("encoding %s: %w", mf.GetName(), err)
	}
	return piece{name: mf.GetName(), data: bytes.Clone(b.Bytes()), deflated: true, crc: d.crc, size: d.n}, nil
}

// parallel calls do(0) to do(n-1) on as many goroutines as there are cores.
func parallel(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		})
	}
	wg.Wait()
}

// closing is what f's encoder writes when it is closed.
func closing(f format) []byte {
	var b bytes.Buffer
	if closer, ok := expfmt.NewEncoder(&b, f.expfmt).(expfmt.Closer); ok {
		closer.Close() // writes to a bytes.Buffer, which cannot fail
	}
	return b.Bytes()
}

// assemble puts the pieces of every source, each in name order, in one
// name order. A family of a name that an earlier source has too is left
// out and reported: a family must be one run of an exposition.
func assemble(sources ...[]piece) ([]piece, error) {
	var all []piece
	for _, s := range sources {
		all = append(all, s...)
	}
	slices.SortStableFunc(all, func(a, b piece) int { return cmp.Compare(a.name, b.name) })
	var errs []error
	all = slices.CompactFunc(all, func(a, b piece) bool {
		if a.name != b.name {
			return false
		}
		errs = append(errs, fmt.Errorf("metric family %s is collected by two collectors; only one is served", a.name))
		return true
	})
	return all, errors.Join(errs...)
}

// writeExposition writes the pieces and closing bytes, gzipped or not.
func writeExposition(w io.Writer, pieces []piece, closing []byte, gzipped bool) error {
	if !gzipped {
		for _, p := range pieces {
			if _, err := w.Write(p.data); err != nil {
				return err
			}
		}
		_, err := w.Write(closing)
		return err
	}
	gz := newGzipWriter(w)
	for _, p := range pieces {
		if p.deflated {
			gz.writeDeflated(p.data, p.crc, p.size)
		} else {
			gz.Write(p.data) // an error stays in gz for Close
		}
	}
	gz.Write(closing)
	return gz.Close()
}
