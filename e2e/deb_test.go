package e2e

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

const unitPath = "lib/systemd/system/digitalocean_exporter.service"

// checkDebianPackage reads a .deb of the release back with dpkg-deb: the
// stamped binary in /usr/bin, the unit as committed (and verified), the
// flags file a conffile. (CI also installs one: .ci/run runs
// packaging/check-deb.sh.)
func checkDebianPackage(t *testing.T, deb string) {
	t.Helper()
	dist := t.TempDir()
	// Debian writes a pre-release 9.8.7~rc.1, so that it sorts before 9.8.7.
	debVersion := strings.Replace(testStamps["VERSION"], "-", "~", 1)
	if got := run(t, ".", "dpkg-deb", "dpkg", "-f", deb, "Package", "Version"); got != "Package: digitalocean-exporter\nVersion: "+debVersion+"\n" {
		t.Errorf("the package's control fields say\n%s", got)
	}
	control, root := filepath.Join(dist, "control"), filepath.Join(dist, "root")
	run(t, ".", "dpkg-deb", "dpkg", "-e", deb, control)
	run(t, ".", "dpkg-deb", "dpkg", "-x", deb, root)
	if conffiles, _ := os.ReadFile(filepath.Join(control, "conffiles")); !slices.Contains(strings.Fields(string(conffiles)), "/etc/default/digitalocean_exporter") {
		t.Errorf("conffiles %q lack /etc/default/digitalocean_exporter: an upgrade would overwrite the admin's flags", conffiles)
	}
	binary := filepath.Join(root, "usr/bin/digitalocean_exporter")
	if info, err := os.Stat(binary); err != nil || info.Mode().Perm() != 0o755 {
		t.Fatalf("/usr/bin/digitalocean_exporter: %v, %v; want an executable", info, err)
	}
	checkVersionOutput(t, binary)
	// The unit's dynamic user reads the config file and a baseline there.
	if info, err := os.Stat(filepath.Join(root, "etc/digitalocean_exporter")); err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("/etc/digitalocean_exporter: %v, %v; want a folder every user may enter and read", info, err)
	}
	if unit, committed := readFile(t, filepath.Join(root, unitPath)), string(readRepoFile(t, "packaging/digitalocean_exporter.service")); unit != committed {
		t.Errorf("the package's unit differs from packaging/digitalocean_exporter.service")
	}
	verifyUnit(t, root, binary)
}

// TestUnitIsHardened: the unit runs the exporter as a dynamic user in a
// read-only system, with the token systemd hands it under the name the
// exporter reads, and its flags from /etc/default.
func TestUnitIsHardened(t *testing.T) {
	t.Parallel()
	unit := unitSettings(t, string(readRepoFile(t, "packaging/digitalocean_exporter.service")))
	for key, want := range map[string]string{
		"DynamicUser":             "yes",
		"ProtectSystem":           "strict",
		"ProtectHome":             "yes",
		"NoNewPrivileges":         "yes",
		"PrivateTmp":              "yes",
		"PrivateDevices":          "yes",
		"CapabilityBoundingSet":   "",
		"RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX",
		"SystemCallFilter":        "@system-service",
		"LoadCredential":          config.CredentialName + ":/etc/digitalocean_exporter/token",
		"EnvironmentFile":         "-/etc/default/digitalocean_exporter",
		"ExecStart":               "/usr/bin/digitalocean_exporter $ARGS",
	} {
		if !slices.Contains(unit[key], want) {
			t.Errorf("the unit's %s is %q, want %q among them", key, unit[key], want)
		}
	}
	flags := unitSettings(t, string(readRepoFile(t, "packaging/digitalocean_exporter.default")))
	if len(flags["ARGS"]) != 1 {
		t.Errorf("/etc/default/digitalocean_exporter sets ARGS %d times, want once", len(flags["ARGS"]))
	}
}

// verifyUnit runs systemd-analyze verify on the package's unit, with the
// exporter's path changed to binary (verify wants it installed); any
// complaint fails, since verify exits 0 on an unknown setting and says so.
func verifyUnit(t *testing.T, root, binary string) {
	t.Helper()
	unit := strings.ReplaceAll(readFile(t, filepath.Join(root, unitPath)), "/usr/bin/digitalocean_exporter", binary)
	copyPath := filepath.Join(t.TempDir(), "digitalocean_exporter.service")
	if err := os.WriteFile(copyPath, []byte(unit), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(testtool.Find(t, "systemd-analyze", "systemd"), "verify", copyPath).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// unitSettings reads KEY=VALUE lines (a systemd unit, an environment
// file): every value of each key, in order.
func unitSettings(t *testing.T, text string) map[string][]string {
	t.Helper()
	settings := map[string][]string{}
	lines := bufio.NewScanner(strings.NewReader(text))
	for lines.Scan() {
		line := strings.TrimSpace(lines.Text())
		if key, value, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") {
			settings[key] = append(settings[key], strings.Trim(value, `"`))
		}
	}
	return settings
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
