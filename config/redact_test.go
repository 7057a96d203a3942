package config

import "testing"

func TestRedactTokens(t *testing.T) {
	for in, want := range map[string]string{
		"unexpected dop_v1_0123abcd, try --help":                   "unexpected <redacted>, try --help",
		"oauth doo_v1_x and refresh DOR_V1_y":                      "oauth <redacted> and refresh <redacted>",
		"legacy 0123456789abcdef0123456789abcdef0123 end":          "legacy <redacted> end",
		`Get "https://ops:hunter2@proxy.example/v2/droplets": EOF`: `Get "https://<redacted>@proxy.example/v2/droplets": EOF`,
		"uuid 9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 stays":          "uuid 9cc10173-e9ea-4176-9dbc-a4cee4c4ff30 stays",
		"https://proxy.example/v2/x?email=a@b stays":               "https://proxy.example/v2/x?email=a@b stays",
		"nothing secret here":                                      "nothing secret here",
	} {
		if got := RedactTokens(in); got != want {
			t.Errorf("RedactTokens(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestQuoteHidesTokens(t *testing.T) {
	for in, want := range map[string]string{
		"/run/secrets/do":  `"/run/secrets/do"`,
		"DO_STAGING_TOKEN": `"DO_STAGING_TOKEN"`,
		"dop_v1_abc":       "<redacted>",
		"/tmp/dop_v1_abc":  "<redacted>",
		"apps":             `"apps"`,
		"":                 `""`,
		"line\nbreak":      `"line\nbreak"`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
