package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Secret is an API token. It prints as a placeholder, so that a token
// formatted into a log line or an error by mistake does not leak.
type Secret string

const redacted = "<redacted>"

func (Secret) String() string               { return redacted }
func (Secret) GoString() string             { return redacted }
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }
func (s Secret) Reveal() string             { return string(s) }

// ErrNoToken says that neither way of giving a token was used.
var ErrNoToken = errors.New("no DigitalOcean API token: set the " + TokenEnvironmentVariable +
	" environment variable or pass --digitalocean.token-file=FILE (or try --demo)")

// LoadToken reads the account's token from its file or environment
// variable, trimming surrounding whitespace. Errors name the file or
// variable, never the content.
func LoadToken(a Account, getenv func(string) string) (Secret, error) {
	if a.TokenFile != "" {
		return readTokenFile(a.TokenFile)
	}
	if a.TokenEnv == "" {
		return "", ErrNoToken
	}
	token := strings.TrimSpace(getenv(a.TokenEnv))
	if token == "" {
		if a.TokenEnv == TokenEnvironmentVariable {
			return "", ErrNoToken
		}
		return "", fmt.Errorf("account %q: environment variable %s is empty or unset", a.Name, a.TokenEnv)
	}
	return Secret(token), nil
}

func readTokenFile(path string) (Secret, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("token file %q: %w", path, unwrapPath(err)) // names the path once
	}
	token := strings.TrimSpace(string(content))
	if token == "" {
		return "", fmt.Errorf("token file %q is empty", path)
	}
	return Secret(token), nil
}
