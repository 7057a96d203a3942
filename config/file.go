package config

import (
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Collectors are the names an account's collectors list may use: every
// collector there is, and those the flags enable.
type Collectors struct {
	All     []string
	Enabled []string
}

// LoadAccounts reads the accounts of a config file. Unknown fields are
// errors; every error names the file, and the account and field at fault,
// in the file's terms, never the Go types behind them.
func LoadAccounts(path string, collectors Collectors) ([]Account, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config file %s: %w", Quote(path), unwrapPath(err))
	}
	accounts, err := parseAccounts(data, collectors)
	if err != nil {
		return nil, fmt.Errorf("config file %s: %s", Quote(path), RedactTokens(err.Error()))
	}
	return accounts, nil
}

// accountFields are the fields of an account in the file, in the order
// docs/configuration.md gives them, and how each is read.
var accountFields = []struct {
	name string
	set  func(a *Account, value *yaml.Node) error
}{
	{"name", text(func(a *Account) *string { return &a.Name })},
	{"token_file", text(func(a *Account) *string { return &a.TokenFile })},
	{"token_env", text(func(a *Account) *string { return &a.TokenEnv })},
	{"collectors", func(a *Account, value *yaml.Node) error {
		if value.Kind != yaml.SequenceNode || value.Decode(&a.Collectors) != nil {
			return errors.New("must be a list of collector names, like [droplets, databases]")
		}
		return nil
	}},
	{"refresh_interval", duration(func(a *Account) *time.Duration { return &a.RefreshInterval })},
	{"detail_interval", duration(func(a *Account) *time.Duration { return &a.DetailInterval })},
	{"monitoring_droplet_tags", func(a *Account, value *yaml.Node) error {
		if value.Kind != yaml.SequenceNode || value.Decode(&a.MonitoringDropletTags) != nil ||
			slices.Contains(a.MonitoringDropletTags, "") {
			return errors.New("must be a list of tags, like [production, web]")
		}
		return nil
	}},
	{"organization_uuid", func(a *Account, value *yaml.Node) error {
		if value.Kind != yaml.ScalarNode || !uuidPattern.MatchString(value.Value) {
			return fmt.Errorf("%s is not a UUID; give the organization's UUID, like 6a1b2c3d-0000-4000-8000-000000000001",
				Quote(value.Value))
		}
		a.OrganizationUUID = value.Value
		return nil
	}},
	{"monthly_budget_dollars", func(a *Account, value *yaml.Node) error {
		err := value.Decode(&a.MonthlyBudgetDollars)
		if value.Kind != yaml.ScalarNode || err != nil || !(a.MonthlyBudgetDollars > 0) || math.IsInf(a.MonthlyBudgetDollars, 0) {
			return fmt.Errorf("%s is not an amount of dollars above 0; write it like 1500 or 1500.50", Quote(value.Value))
		}
		return nil
	}},
}

// uuidPattern is what an organization's UUID may look like: a UUID, or a
// run of hexadecimal digits as the API's team UUIDs are; either goes into
// a path of the API as it is.
var uuidPattern = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,40})$`)

func parseAccounts(data []byte, collectors Collectors) ([]Account, error) {
	var file map[string]yaml.Node
	if err := yaml.Unmarshal(data, &file); err != nil {
		var notAMapping *yaml.TypeError
		if errors.As(err, &notAMapping) {
			return nil, errors.New("the file must be a mapping that holds a list of accounts (accounts:)")
		}
		return nil, fmt.Errorf("not valid YAML: %s", yamlMessage(err))
	}
	if name, line := firstUnknown(file, []string{"accounts"}); name != "" {
		return nil, fmt.Errorf("unknown field %s (line %d); the file has only accounts", Quote(name), line)
	}
	var items []yaml.Node
	if list, ok := file["accounts"]; ok && list.Decode(&items) != nil {
		return nil, fmt.Errorf("accounts (line %d): must be a list of accounts", list.Line)
	}
	if len(items) == 0 {
		return nil, errors.New("accounts: at least one account is needed")
	}
	accounts := make([]Account, 0, len(items))
	seen := map[string]bool{}
	for i := range items {
		a, err := parseAccount(resolve(&items[i]), collectors)
		if err == nil && seen[a.Name] {
			err = errors.New("name: used by an earlier account")
		}
		if err != nil {
			return nil, fmt.Errorf("accounts[%d] (%s): %w", i, Quote(a.Name), err)
		}
		seen[a.Name] = true
		accounts = append(accounts, a)
	}
	return accounts, nil
}

// parseAccount reads one account; on error the account holds at least its
// name, if it has one, for the message.
func parseAccount(item *yaml.Node, collectors Collectors) (Account, error) {
	var a Account
	var fields map[string]yaml.Node
	if item.Kind != yaml.MappingNode {
		return a, fmt.Errorf("(line %d) must be a mapping of %s", item.Line, strings.Join(fieldNames(), ", "))
	}
	if err := item.Decode(&fields); err != nil {
		return a, errors.New(yamlMessage(err)) // a field given twice
	}
	if name, ok := fields["name"]; ok && resolve(&name).Kind == yaml.ScalarNode {
		a.Name = resolve(&name).Value
	}
	if name, line := firstUnknown(fields, fieldNames()); name != "" {
		return a, fmt.Errorf("unknown field %s (line %d); an account has %s%s",
			Quote(name), line, strings.Join(fieldNames(), ", "), tokenHint(name))
	}
	for _, f := range accountFields {
		if value, ok := fields[f.name]; ok {
			if err := f.set(&a, resolve(&value)); err != nil {
				return a, fmt.Errorf("%s (line %d): %w", f.name, value.Line, err)
			}
		}
	}
	return a, a.validate(collectors)
}

// resolve follows a YAML alias (*name) to the node it stands for.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func text(field func(*Account) *string) func(*Account, *yaml.Node) error {
	return func(a *Account, value *yaml.Node) error {
		if value.Kind != yaml.ScalarNode || value.Decode(field(a)) != nil {
			return errors.New("must be a single value, not a list or a mapping")
		}
		return nil
	}
}

func duration(field func(*Account) *time.Duration) func(*Account, *yaml.Node) error {
	return func(a *Account, value *yaml.Node) error {
		d, err := time.ParseDuration(value.Value)
		if value.Kind != yaml.ScalarNode || err != nil {
			return fmt.Errorf("%s is not a duration; write it like 90s, 5m or 1h", Quote(value.Value))
		}
		*field(a) = d
		return nil
	}
}

// firstUnknown returns the field of a mapping, first in the file, that is
// not one of known.
func firstUnknown(fields map[string]yaml.Node, known []string) (name string, line int) {
	for key, value := range fields {
		if slices.Contains(known, key) {
			continue
		}
		if name == "" || value.Line < line || (value.Line == line && key < name) {
			name, line = key, value.Line
		}
	}
	return name, line
}

func fieldNames() []string {
	names := make([]string, len(accountFields))
	for i, f := range accountFields {
		names[i] = f.name
	}
	return names
}

// tokenHint explains where a token goes to someone who tried to put it in
// the file.
func tokenHint(field string) string {
	if strings.Contains(strings.ToLower(field), "token") || strings.Contains(strings.ToLower(field), "secret") {
		return " (the token itself never goes in this file: name its file in token_file or its variable in token_env)"
	}
	return ""
}

// yamlMessage is a YAML error without the library's prefixes.
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	return strings.ReplaceAll(msg, "\n  ", "; ")
}

func (a Account) validate(collectors Collectors) error {
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
		if err := collectors.check(c); err != nil {
			return fmt.Errorf("collectors: %w", err)
		}
	}
	return nil
}

// check tells why an account may not list a collector, if it may not.
func (c Collectors) check(name string) error {
	switch {
	case slices.Contains(c.Enabled, name):
		return nil
	case slices.Contains(c.All, name):
		return fmt.Errorf("%s is disabled by --no-collector.%s; an account may only list collectors the flags enable", Quote(name), name)
	default:
		return fmt.Errorf("unknown collector %s (known: %s)", Quote(name), strings.Join(c.All, ", "))
	}
}

func unwrapPath(err error) error {
	var pathErr *os.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}
