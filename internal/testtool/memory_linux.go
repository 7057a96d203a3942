//go:build linux

package testtool

import (
	"runtime"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/procstat"
)

// ResetPeakRSS returns what memory it can to the system and sets the
// process's peak resident set size to what is resident now, which it
// returns: what a benchmark holds throughout, such as the fake API and
// the account's lists.
func ResetPeakRSS(tb testing.TB) int64 {
	tb.Helper()
	runtime.GC()
	debug.FreeOSMemory()
	if err := procstat.ResetPeakRSS(); err != nil {
		tb.Fatal(err)
	}
	return peakRSS(tb)
}

// PeakRSSAddedMiB is how far the process's peak resident set size rose
// above base since ResetPeakRSS returned it, in MiB.
func PeakRSSAddedMiB(tb testing.TB, base int64) float64 {
	tb.Helper()
	return float64(peakRSS(tb)-base) / (1 << 20)
}

func peakRSS(tb testing.TB) int64 {
	tb.Helper()
	n, err := procstat.PeakRSS(procstat.Self)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// CPUTime is the CPU time the process has used, user and system.
func CPUTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
