package inventory

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	const token = "dop_v1_5f1d2c3b4a5968778695a4b3c2d1e0f95f1d2c3b4a5968778695a4b3c2d1e0f9"
	for _, tc := range []struct {
		name, token, text, want string
	}{
		{"the whole token", token, "echo: Authorization: Bearer " + token + "</html>",
			"echo: Authorization: Bearer <redacted></html>"},
		{"its prefix and a few characters", token, "token dop_v1_5f1d… is not valid", "token <redacted>… is not valid"},
		{"a piece from its middle", token, "header was a5968778695a4b3c (truncated)", "header was <redacted> (truncated)"},
		{"a piece cut short at the end", token, "Bearer dop_v1_5f1d2c3b4a596877", "Bearer <redacted>"},
		{"a token without a prefix", "s3cr3t-legacy-t0ken-value", "got s3cr3t-legacy-t0ken at /v2/account",
			"got <redacted> at /v2/account"},
		{"another token", token, "proxy saw doo_v1_abc and dor_v1_def", "proxy saw <redacted> and <redacted>"},
		{"a legacy hex token of someone else", token, "key 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
			"key <redacted>"},
		{"a URL's user and password", token, `Get "https://ops:hunter2@proxy.example/v2/droplets": EOF`,
			`Get "https://<redacted>@proxy.example/v2/droplets": EOF`},
		{"a short token, whole", "abc123", "bad token abc123!", "bad token <redacted>!"},
		{"seven characters in common are not a leak", token, "id 5f1d2c3 and 1e0f95f", "id 5f1d2c3 and 1e0f95f"},
		{"ordinary text stays", token, "GET https://api.digitalocean.com/v2/droplets?page=2: 503 (request \"9cc1\")",
			"GET https://api.digitalocean.com/v2/droplets?page=2: 503 (request \"9cc1\")"},
		{"no token known", "", "Bearer dop_v1_abcdef", "Bearer <redacted>"},
		{"two pieces", token, "a=dop_v1_5f1d2c3b b=8695a4b3c2d1e0f9", "a=<redacted> b=<redacted>"},
	} {
		if got := redact(tc.text, tc.token); got != tc.want {
			t.Errorf("%s: redact(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
		if len(tc.token) >= 15 && strings.Contains(redact(tc.text, tc.token), tc.token[7:15]) {
			t.Errorf("%s: eight characters of the token remain", tc.name)
		}
	}
}
