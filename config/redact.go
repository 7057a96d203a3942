package config

import (
	"regexp"
	"strconv"
)

// tokenLike matches what could be a DigitalOcean token in free text: one
// with a token prefix (dop_v1_ personal, doo_v1_ OAuth, dor_v1_ refresh)
// and whatever follows it, or a run of 32 hex digits or more, the shape of
// the tokens from before the prefixes.
var tokenLike = regexp.MustCompile(`(?i)do[por]_v1_[A-Za-z0-9_-]*|[0-9a-fA-F]{32,}`)

// userinfo matches the user and password of a URL in free text.
var userinfo = regexp.MustCompile(`(?i)([a-z][a-z0-9+.-]*://)[^/?#@\s]*@`)

// RedactTokens hides in text whatever looks like a token, and the user and
// password of any URL. It is the last step before an error reaches a log,
// the terminal or an HTTP answer.
func RedactTokens(text string) string {
	text = userinfo.ReplaceAllString(text, "${1}"+redacted+"@")
	return tokenLike.ReplaceAllString(text, redacted)
}

// LooksLikeToken tells whether a value, if quoted in a message, could show a
// token.
func LooksLikeToken(s string) bool { return tokenLike.MatchString(s) }

// Quote quotes a value for an error message, as %q would, unless it looks
// like a token: someone who pasted the token where a file name or a
// duration belongs must not find it in the log.
func Quote(s string) string {
	if LooksLikeToken(s) {
		return redacted
	}
	return strconv.Quote(s)
}
