package testnet

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestLoopbackOnlyRefusesWithoutLookingUp: only loopback addresses reach
// the dial; any other is refused before a name is looked up.
func TestLoopbackOnlyRefusesWithoutLookingUp(t *testing.T) {
	var dialled []string
	dial := LoopbackOnly(func(_ context.Context, _, address string) (net.Conn, error) {
		dialled = append(dialled, address)
		return nil, errors.New("not really")
	})
	for _, address := range []string{"127.0.0.1:80", "127.5.6.7:1", "[::1]:9", "localhost:9212"} {
		if _, err := dial(context.Background(), "tcp", address); errors.Is(err, ErrOffMachine) {
			t.Errorf("%s was refused: %v", address, err)
		}
	}
	for _, address := range []string{"api.digitalocean.com:443", "10.0.0.1:80", "[2001:db8::1]:443",
		"localhost.example:80", "127.0.0.1.nip.io:80", "[::ffff:10.0.0.1]:80", "no-port"} {
		if _, err := dial(context.Background(), "tcp", address); !errors.Is(err, ErrOffMachine) {
			t.Errorf("%s: %v, want it refused", address, err)
		}
	}
	if want := []string{"127.0.0.1:80", "127.5.6.7:1", "[::1]:9", "localhost:9212"}; !slices.Equal(dialled, want) {
		t.Errorf("dialled %v, want %v", dialled, want)
	}
}

// TestDefaultTransportIsLoopbackOnly: importing the package keeps
// http.DefaultTransport, and the clones the exporter's client is built
// from, on loopback: the fake API answers, the real one is never dialled.
func TestDefaultTransportIsLoopbackOnly(t *testing.T) {
	if !Active() || IsLoopback("api.digitalocean.com:443") {
		t.Fatal("the guard is not installed, or would let the real API through")
	}
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) }))
	defer fake.Close()
	clone := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	for name, client := range map[string]*http.Client{"http.DefaultClient": http.DefaultClient, "a clone": clone} {
		resp, err := client.Get(fake.URL)
		if err != nil {
			t.Fatalf("%s: the fake on loopback: %v", name, err)
		}
		resp.Body.Close()
		if _, err := client.Get("https://api.digitalocean.com/v2/account"); !errors.Is(err, ErrOffMachine) {
			t.Errorf("%s: the real API: %v, want it refused", name, err)
		}
	}
}

// TestEveryNetworkedTestPackageImportsIt: every package whose tests start
// HTTP clients or servers, or the fake API, imports testnet, itself or
// through testtool.
func TestEveryNetworkedTestPackageImportsIt(t *testing.T) {
	const module = "github.com/digitalocean-exporter/digitalocean_exporter/"
	root, self := filepath.Join("..", ".."), filepath.Join("..", "..", "internal", "testnet")
	if !slices.ContainsFunc(sourcesOf(t, filepath.Join(root, "internal", "testtool"), false), func(src string) bool {
		return strings.Contains(src, `"`+module+`internal/testnet"`)
	}) {
		t.Fatal("internal/testtool does not import internal/testnet")
	}
	networked := 0
	err := filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && dir != root) {
			return filepath.SkipDir
		}
		tests := sourcesOf(t, dir, true)
		if dir == self || !slices.ContainsFunc(tests, usesNetwork.MatchString) {
			return nil // this package installs the guard itself
		}
		networked++
		guarded := regexp.MustCompile(`"` + module + `internal/(testnet|testtool)"`)
		if !slices.ContainsFunc(tests, guarded.MatchString) {
			t.Errorf("the tests of %s use the network without importing internal/testnet or internal/testtool", dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if networked < 7 {
		t.Errorf("only %d packages' tests use the network: is the walk reading the repository?", networked)
	}
}

// usesNetwork matches a test source that starts an HTTP client or server,
// dials, or serves the fake API.
var usesNetwork = regexp.MustCompile(`httptest\.New(Unstarted|TLS)?Server|http\.(Get|Post|Head|Client|DefaultClient|DefaultTransport|Transport)\b|net\.Dial|internal/fakeapi"`)

// sourcesOf reads the Go files of dir: its tests, or the others.
func sourcesOf(t *testing.T, dir string, tests bool) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") == tests {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sources = append(sources, string(b))
		}
	}
	return sources
}

// TestTheSandboxHasLoopbackOnly: where .ci/run says the tests run in a
// network namespace of their own (TEST_NETWORK=loopback-only), its only
// interface is loopback, so nothing off this machine can be reached.
func TestTheSandboxHasLoopbackOnly(t *testing.T) {
	if os.Getenv("TEST_NETWORK") != "loopback-only" {
		t.Skip("not in .ci/run's network namespace (TEST_NETWORK=loopback-only)")
	}
	interfaces, err := net.Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range interfaces {
		if i.Flags&net.FlagLoopback == 0 {
			t.Errorf("interface %s is not loopback", i.Name)
		}
	}
	if len(interfaces) == 0 {
		t.Error("no interface at all: loopback is not up")
	}
}
