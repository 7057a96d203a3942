package collector

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// TokenReader is what the token collector reads: the token each watched
// account uses now. main's set of accounts is one.
type TokenReader interface {
	Tokens() []AccountToken
}

// AccountToken says where an account's token came from and when it was read.
type AccountToken struct {
	Account string
	Source  string    // "file", "environment", ...
	Loaded  time.Time // for a token file, the file's modification time
}

var tokenLoaded = newDesc("token", "loaded_timestamp_seconds",
	"When the token the account uses was read, in Unix seconds; for a token file, the file's modification time. "+
		"The API does not tell a token's age: this is when the exporter got it. source is file, environment "+
		"(DIGITALOCEAN_TOKEN or token_env: the start or reload that read it) or demo.", "source")

// tokenCollector exposes the age of each account's token. A token file is
// looked at on every scrape, so a rotation shows at once.
type tokenCollector struct{ tokens TokenReader }

// NewTokenCollector exposes digitalocean_token_loaded_timestamp_seconds.
func NewTokenCollector(tokens TokenReader) prometheus.Collector { return tokenCollector{tokens} }

func (c tokenCollector) Describe(ch chan<- *prometheus.Desc) { ch <- tokenLoaded }

func (c tokenCollector) Collect(ch chan<- prometheus.Metric) {
	out := func(m prometheus.Metric) { ch <- m }
	for _, t := range c.tokens.Tokens() {
		timestamp(out, tokenLoaded, t.Loaded, t.Account, t.Source)
	}
}
