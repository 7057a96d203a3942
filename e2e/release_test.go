package e2e

import (
	"debug/buildinfo"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestRelease runs `make release` with stamps of its own: a tarball per
// platform holding that platform's static binary and the docs the README
// links to, a .deb per Linux
// architecture, and sha256sums.txt over all of them, which sha256sum checks.
func TestRelease(t *testing.T) {
	t.Parallel()
	dist, err := filepath.Abs(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	makeTarget(t, "release", append(stampVars(), "DIST="+dist)...)
	version := testStamps["VERSION"]
	debVersion := strings.Replace(version, "-", "~", 1) // Debian's pre-release: 9.8.7~rc.1 sorts before 9.8.7
	var want []string
	for _, platform := range []string{"linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64"} {
		goos, goarch, _ := strings.Cut(platform, "/")
		dir := fmt.Sprintf("digitalocean_exporter-%s.%s-%s", version, goos, goarch)
		want = append(want, dir+".tar.gz")
		checkReleaseBinary(t, filepath.Join(dist, dir, "digitalocean_exporter"), goos, goarch)
		tarball := run(t, dist, "tar", "tar", "-tzf", dir+".tar.gz")
		for _, file := range []string{"digitalocean_exporter", "LICENSE", "README.md", "CHANGELOG.md", "docs/metrics.md", "docs/operations.md", "docs/images/landing.png"} {
			if !slices.Contains(strings.Fields(tarball), dir+"/"+file) {
				t.Errorf("%s.tar.gz lacks %s: it holds %s", dir, file, tarball)
			}
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		deb := fmt.Sprintf("digitalocean-exporter_%s_%s.deb", debVersion, arch)
		want = append(want, deb)
		if got := run(t, dist, "dpkg-deb", "dpkg", "-f", deb, "Architecture"); got != arch+"\n" {
			t.Errorf("%s is for %q, want %s", deb, got, arch)
		}
	}
	t.Run("checksums", func(t *testing.T) {
		var summed []string
		for _, line := range strings.Split(strings.TrimSpace(run(t, dist, "sha256sum", "coreutils", "--check", "sha256sums.txt")), "\n") {
			file, _ := strings.CutSuffix(line, ": OK")
			summed = append(summed, file)
		}
		if slices.Sort(summed); !slices.Equal(summed, slices.Sorted(slices.Values(want))) {
			t.Errorf("sha256sums.txt checks %v, want %v", summed, want)
		}
	})
	t.Run("deb", func(t *testing.T) {
		checkDebianPackage(t, filepath.Join(dist, fmt.Sprintf("digitalocean-exporter_%s_%s.deb", debVersion, runtime.GOARCH)))
	})
}

// checkReleaseBinary: built for goos/goarch, without cgo, and, where it
// runs here, stamped.
func checkReleaseBinary(t *testing.T, binary, goos, goarch string) {
	t.Helper()
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["GOOS"] != goos || settings["GOARCH"] != goarch || settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
		t.Errorf("%s: built with %v, want GOOS=%s GOARCH=%s CGO_ENABLED=0 -trimpath", binary, settings, goos, goarch)
	}
	if goos == runtime.GOOS && goarch == runtime.GOARCH {
		checkVersionOutput(t, binary)
	}
}
