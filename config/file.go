package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// fileContent is the YAML of --config.file.
type fileContent struct {
	Accounts []Account `yaml:"accounts"`
}

// LoadAccounts reads the accounts of a config file. Unknown fields are
// errors; every error names the file, and the account and field at fault.
// knownCollectors are the names an account's collectors may use.
func LoadAccounts(path string, knownCollectors []string) ([]Account, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file %q: %w", path, unwrapPath(err))
	}
	accounts, err := parseAccounts(data, knownCollectors)
	if err != nil {
		return nil, fmt.Errorf("config file %q: %w", path, err)
	}
	return accounts, nil
}

func parseAccounts(data []byte, knownCollectors []string) ([]Account, error) {
	var content fileContent
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&content); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(content.Accounts) == 0 {
		return nil, errors.New("accounts: at least one account is needed")
	}
	seen := map[string]bool{}
	for i, a := range content.Accounts {
		if err := a.validate(knownCollectors); err != nil {
			return nil, fmt.Errorf("accounts[%d] (%q): %w", i, a.Name, err)
		}
		if seen[a.Name] {
			return nil, fmt.Errorf("accounts[%d] (%q): name: used by an earlier account", i, a.Name)
		}
		seen[a.Name] = true
	}
	return content.Accounts, nil
}

func (a Account) validate(knownCollectors []string) error {
	switch {
	case a.Name == "":
		return errors.New("name: missing")
	case slices.ContainsFunc([]rune(a.Name), func(r rune) bool { return !unicode.IsPrint(r) }):
		return errors.New("name: holds characters that cannot be shown")
	case (a.TokenFile == "") == (a.TokenEnv == ""):
		return errors.New("token_file, token_env: give exactly one")
	case a.RefreshInterval != 0 && a.RefreshInterval < time.Second:
		return errors.New("refresh_interval: must be at least 1s")
	case a.DetailInterval != 0 && a.DetailInterval < time.Second:
		return errors.New("detail_interval: must be at least 1s")
	}
	for _, c := range a.Collectors {
		if !slices.Contains(knownCollectors, c) {
			return fmt.Errorf("collectors: unknown collector %q (known: %v)", c, knownCollectors)
		}
	}
	return nil
}

func unwrapPath(err error) error {
	var pathErr *os.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}
