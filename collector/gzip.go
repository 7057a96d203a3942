package collector

import (
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"sync"
)

// A gzipped exposition is one gzip member (RFC 1952) whose deflate data
// (RFC 1951) is a run of pieces compressed apart: each family of a list
// once per version of the list, and the live families at every scrape.
// Each piece starts from an empty window and ends with a sync flush, on a
// byte boundary and without the final-block bit, so that pieces may follow
// one another in any order; the last piece ends with a final block, and
// the member's CRC-32 is combined from the pieces' own. (A run of gzip
// members would need no CRC arithmetic, but curl and browsers read only
// the first member of a response.)

// gzipHeader starts a member: deflate, no flags, no time, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255}

// deflateLevel trades 10% more bytes than promhttp's level 6 (690 kB
// instead of 630 kB for the README's large account) for a tenth less CPU
// time in the scrape that follows a change of the Droplets, which encodes
// and deflates them anew.
const deflateLevel = 3

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, deflateLevel) // fails only on an unknown level
	return w
}}

// deflater deflates what is written to it onto w, as one piece, and keeps
// the CRC-32 and the length of what was written.
type deflater struct {
	zw  *flate.Writer
	crc uint32
	n   int
}

func newDeflater(w io.Writer) *deflater {
	zw := flateWriters.Get().(*flate.Writer)
	zw.Reset(w)
	return &deflater{zw: zw}
}

func (d *deflater) Write(p []byte) (int, error) {
	d.crc = crc32.Update(d.crc, crc32.IEEETable, p)
	d.n += len(p)
	return d.zw.Write(p)
}

// end ends the piece: with a sync flush, after which another piece may
// follow, or with the final block.
func (d *deflater) end(final bool) error {
	defer flateWriters.Put(d.zw)
	if final {
		return d.zw.Close()
	}
	return d.zw.Flush()
}

// gzipWriter writes one gzip member made of pieces deflated ahead of time
// and plain bytes that it deflates itself.
type gzipWriter struct {
	w     io.Writer
	plain *deflater // deflating the plain bytes written since the last piece
	crc   uint32    // of everything before compression, but the plain bytes
	n     uint32    // its length, modulo 2^32 as RFC 1952 says
	err   error
}

func newGzipWriter(w io.Writer) *gzipWriter {
	g := &gzipWriter{w: w}
	_, g.err = w.Write(gzipHeader)
	return g
}

// Write deflates plain bytes.
func (g *gzipWriter) Write(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if g.plain == nil {
		g.plain = newDeflater(g.w)
	}
	n, err := g.plain.Write(p)
	g.err = err
	return n, err
}

// writeDeflated writes a piece deflated ahead of time from size bytes
// whose CRC-32 is crc.
func (g *gzipWriter) writeDeflated(piece []byte, crc uint32, size int) {
	g.endPlain(false)
	if g.err != nil {
		return
	}
	_, g.err = g.w.Write(piece)
	g.add(crc, size)
}

// endPlain ends the piece of plain bytes written since the last piece
// deflated ahead of time, if any.
func (g *gzipWriter) endPlain(final bool) {
	if g.plain == nil {
		return
	}
	if err := g.plain.end(final); g.err == nil {
		g.err = err
	}
	g.add(g.plain.crc, g.plain.n)
	g.plain = nil
}

func (g *gzipWriter) add(crc uint32, size int) {
	g.crc = crc32Combine(g.crc, crc, size)
	g.n += uint32(size)
}

// Close ends the deflate data with a final block and the member with its
// trailer. It does not close the underlying writer.
func (g *gzipWriter) Close() error {
	g.Write(nil) // the final block comes from a deflater, even an empty one
	g.endPlain(true)
	if g.err != nil {
		return g.err
	}
	_, g.err = g.w.Write(binary.LittleEndian.AppendUint32(binary.LittleEndian.AppendUint32(nil, g.crc), g.n))
	return g.err
}

// crc32Combine is the CRC-32 (IEEE) of a followed by b, from the CRC-32 of
// each and the length of b, as zlib's crc32_combine.
func crc32Combine(crcA, crcB uint32, lenB int) uint32 {
	return multModP(xPow8N(lenB), crcA) ^ crcB
}

// crcPoly is the IEEE polynomial, reflected: bit 31 stands for x^0.
const crcPoly = 0xedb88320

// multModP multiplies a and b modulo the CRC-32 polynomial.
func multModP(a, b uint32) uint32 {
	var p uint32
	for m := uint32(1) << 31; m != 0; m >>= 1 {
		if a&m != 0 {
			p ^= b
		}
		if b&1 != 0 {
			b = b>>1 ^ crcPoly
		} else {
			b >>= 1
		}
	}
	return p
}

// xPow2K holds x^(2^k) modulo the CRC-32 polynomial for k < 64.
var xPow2K = func() (t [64]uint32) {
	t[0] = 1 << 30 // x^1
	for k := 1; k < len(t); k++ {
		t[k] = multModP(t[k-1], t[k-1])
	}
	return t
}()

// xPow8N is x^(8n) modulo the CRC-32 polynomial: multiplying a CRC by it
// appends n zero bytes.
func xPow8N(n int) uint32 {
	p := uint32(1) << 31 // x^0
	for k := 3; n > 0; n, k = n>>1, k+1 {
		if n&1 != 0 {
			p = multModP(xPow2K[k], p)
		}
	}
	return p
}
