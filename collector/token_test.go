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

// tokenSource is a Source that also tells its accounts' tokens, as main's
// set of accounts does.
type tokenSource struct {
	staticSource
	fixedTokens
}

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

// TestHealthTellsTokensWhenTheSourceKnowsThem: the health collector, which
// the gatherer serves live, carries the token series of a source that
// knows its tokens, and is unchanged for one that does not.
func TestHealthTellsTokensWhenTheSourceKnowsThem(t *testing.T) {
	s := &inventory.Snapshot{Account: "production", Status: map[string]inventory.Status{}}
	tokens := fixedTokens{{Account: "production", Source: "file", Loaded: time.Unix(1735787045, 0)}}
	with := tokenHeader + `digitalocean_token_loaded_timestamp_seconds{account="production",source="file"} 1.735787045e+09
`
	const name = "digitalocean_token_loaded_timestamp_seconds"
	if err := testutil.CollectAndCompare(newHealthCollector(tokenSource{staticSource{s}, tokens}), strings.NewReader(with), name); err != nil {
		t.Error(err)
	}
	if n := testutil.CollectAndCount(newHealthCollector(staticSource{s}), name); n != 0 {
		t.Errorf("%d token series from a source that knows no tokens", n)
	}
}
