package collector

import (
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

type fixedTokens []AccountToken

func (f fixedTokens) Tokens() []AccountToken { return f }

const tokenHeader = `
# HELP digitalocean_token_loaded_timestamp_seconds When the token the account uses was read, in Unix seconds; for a token file, the file's modification time. The API does not tell a token's age: this is when the exporter got it. source is file, environment (DIGITALOCEAN_TOKEN or token_env: the start or reload that read it) or demo.
# TYPE digitalocean_token_loaded_timestamp_seconds gauge
`

func TestTokenLoadedTimestamps(t *testing.T) {
	tokens := fixedTokens{
		{Account: "production", Source: "file", Loaded: time.Unix(1735787045, 500e6)},
		{Account: "staging", Source: "environment", Loaded: time.Unix(1767225600, 0)},
		{Account: "unknown", Source: "file"}, // no time known: no series
	}
	want := tokenHeader + `digitalocean_token_loaded_timestamp_seconds{account="production",source="file"} 1.7357870455e+09
digitalocean_token_loaded_timestamp_seconds{account="staging",source="environment"} 1.7672256e+09
`
	if err := testutil.CollectAndCompare(NewTokenCollector(tokens), strings.NewReader(want)); err != nil {
		t.Error(err)
	}
	lintClean(t, NewTokenCollector(tokens))
}

// TestTheGathererServesTokensLive: the token collector, an extra of the
// gatherer as main wires it, is served at every scrape, as the reader
// tells the tokens now; a gatherer without it serves no token series.
func TestTheGathererServesTokensLive(t *testing.T) {
	s := &inventory.Snapshot{Account: "production", Status: map[string]inventory.Status{}}
	tokens := fixedTokens{{Account: "production", Source: "file", Loaded: time.Unix(1735787045, 0)}}
	const series = `digitalocean_token_loaded_timestamp_seconds{account="production",source="file"} 1.735787045e+09`
	with := NewGatherer(staticSource{s}, everything, NewTokenCollector(tokens)).Handler(HandlerOpts{})
	if _, body := scrape(t, with, "/metrics", "", ""); !strings.Contains(string(body), series) {
		t.Errorf("the scrape lacks\n%s\nit holds:\n%s", series, body)
	}
	without := NewGatherer(staticSource{s}, everything).Handler(HandlerOpts{})
	if _, body := scrape(t, without, "/metrics", "", ""); strings.Contains(string(body), "digitalocean_token_loaded") {
		t.Errorf("token series from a gatherer without the token collector:\n%s", body)
	}
}
