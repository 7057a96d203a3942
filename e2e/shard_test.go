package e2e

import (
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/internal/testtool"
)

// TestTwoShardsSplitTenAccounts runs two exporters on one config file of
// ten accounts, as two replicas of the Helm chart's StatefulSet do, with
// --config.shard=0/2 and 1/2: each watches five, none watches an account
// the other does, and together they watch all ten.
func TestTwoShardsSplitTenAccounts(t *testing.T) {
	t.Parallel()
	api := testtool.FakeAPI(t, "dop_v1_shard_test", fakeapi.Examples())
	var config strings.Builder
	config.WriteString("accounts:\n")
	var all []string
	for i := range 10 {
		name := fmt.Sprintf("team-%02d", i)
		all = append(all, name)
		fmt.Fprintf(&config, "  - name: %s\n    token_env: SHARD_TEST_TOKEN\n    collectors: [account]\n", name)
	}
	file := filepath.Join(t.TempDir(), "accounts.yml")
	if err := os.WriteFile(file, []byte(config.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"SHARD_TEST_TOKEN": "dop_v1_shard_test"}
	watched := map[string]int{}
	for index := range 2 {
		e := startExporter(t, env, "--config.file="+file, "--digitalocean.api-url="+api.URL,
			fmt.Sprintf("--config.shard=%d/2", index))
		e.waitFor(t, "/-/ready", http.StatusOK)
		_, metrics := e.get(t, "/metrics")
		var mine []string
		for _, m := range regexp.MustCompile(`(?m)^digitalocean_up\{account="([^"]+)"\} 1$`).FindAllStringSubmatch(metrics, -1) {
			mine = append(mine, m[1])
			watched[m[1]]++
		}
		if len(mine) != 5 {
			t.Errorf("shard %d/2 watches %d accounts, want 5: %v", index, len(mine), mine)
		}
	}
	for _, name := range all {
		if watched[name] != 1 {
			t.Errorf("%s is watched by %d shards, want exactly one", name, watched[name])
		}
	}
	if !slices.Equal(slices.Sorted(maps.Keys(watched)), all) {
		t.Errorf("the shards watch %v, want %v", watched, all)
	}
}
