package inventory

import (
	"strings"

	"github.com/digitalocean-exporter/digitalocean_exporter/config"
)

// minLeakLength is the shortest piece of the token that redact hides: eight
// characters of a token are already more than anyone should see, and much
// shorter runs would hide ordinary words that happen to appear in it.
const minLeakLength = 8

// redact hides the token in text: whole, or any run of minLeakLength of its
// characters or more (a server that echoes the first half of the header, a
// message cut in the middle of it); then whatever looks like any token
// (dop_v1_, doo_v1_, dor_v1_ and what follows them, long hex runs) and the
// user and password of a URL. It is pure, for error text of any origin.
func redact(text, token string) string {
	if token != "" {
		text = hideRuns(text, token)
	}
	return config.RedactTokens(text)
}

// hideRuns replaces every run of text that is also a run of token, of
// minLeakLength bytes or more (or the whole token, when it is shorter).
func hideRuns(text, token string) string {
	least := min(minLeakLength, len(token))
	hidden := make([]bool, len(text))
	found := false
	// common[j] is the length of the longest common run ending at text[i-1]
	// and token[j-1], for the previous i; a classic longest-common-substring
	// table, kept one row at a time.
	common := make([]int, len(token)+1)
	for i := 1; i <= len(text); i++ {
		for j := len(token); j >= 1; j-- {
			if text[i-1] != token[j-1] {
				common[j] = 0
				continue
			}
			common[j] = common[j-1] + 1
			if common[j] >= least {
				for k := i - common[j]; k < i; k++ {
					hidden[k] = true
				}
				found = true
			}
		}
	}
	if !found {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		switch {
		case !hidden[i]:
			b.WriteByte(text[i])
		case i == 0 || !hidden[i-1]:
			b.WriteString("<redacted>")
		}
	}
	return b.String()
}
