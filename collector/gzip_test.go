package collector

import (
	"bytes"
	"compress/gzip"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"testing"
)

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sizes := range [][2]int{{0, 0}, {0, 7}, {7, 0}, {1, 1}, {100, 3000}, {5000, 1 << 20}, {1 << 20, 12345}} {
		a, b := randomBytes(rng, sizes[0]), randomBytes(rng, sizes[1])
		want := crc32.ChecksumIEEE(append(bytes.Clone(a), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), len(b)); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.IntN(16)) + 'a' // compressible, as expositions are
	}
	return b
}

// TestGzipWriterMixesPiecesAndPlain writes runs of pieces deflated ahead of
// time and plain bytes, in every order:
// the result is one gzip member holding all of it, for Go's reader and for
// GNU gzip.
func TestGzipWriterMixesPiecesAndPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	parts := [][]byte{randomBytes(rng, 10), {}, randomBytes(rng, 3<<20+17), randomBytes(rng, 1000), randomBytes(rng, 1)}
	deflated := make([][]byte, len(parts))
	for i, part := range parts {
		var b bytes.Buffer
		d := newDeflater(&b)
		d.Write(part)
		d.end(false)
		deflated[i] = b.Bytes()
	}
	for _, layout := range []string{"", "p", "d", "pd", "dp", "ddd", "ppp", "dpdpd", "pdpdp", "pppdd", "dddpp"} {
		var out, want bytes.Buffer
		gz := newGzipWriter(&out)
		for i, kind := range layout {
			part := parts[i%len(parts)]
			want.Write(part)
			if kind == 'd' {
				gz.writeDeflated(deflated[i%len(parts)], crc32.ChecksumIEEE(part), len(part))
			} else {
				gz.Write(part)
			}
		}
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
		if got := gunzipOneMember(t, out.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q: %d bytes out, want %d", layout, len(got), want.Len())
		}
		if got := gnuGunzip(t, out.Bytes()); got != nil && !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q: GNU gzip: %d bytes out, want %d", layout, len(got), want.Len())
		}
	}
}

// gunzipOneMember decompresses data, which must be one gzip member and
// nothing after it; the reader checks the CRC and the length. It reports
// with t.Errorf, so that scrapes on other goroutines may call it.
func gunzipOneMember(t *testing.T, data []byte) []byte {
	t.Helper()
	raw := bytes.NewReader(data)
	z, err := gzip.NewReader(raw)
	if err != nil {
		t.Errorf("gunzip: %v", err)
		return nil
	}
	z.Multistream(false)
	plain, err := io.ReadAll(z)
	if err != nil {
		t.Errorf("gunzip: %v", err)
	}
	if raw.Len() > 0 {
		t.Errorf("%d bytes after the first gzip member", raw.Len())
	}
	return plain
}

// gnuGunzip decompresses data with the gzip program, which checks the CRC
// and the length too. Without it, under CI=true the test fails; elsewhere
// it returns nil.
func gnuGunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	program, err := exec.LookPath("gzip")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("gzip is not installed (Debian package gzip)")
		}
		t.Log("gzip not installed; checked with Go's reader only")
		return nil
	}
	cmd := exec.Command(program, "-dc")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gzip -dc: %v", err)
	}
	return out
}
