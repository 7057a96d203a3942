package fakeapi

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

// TestDemoTrustedSources: one database is open to any address; the others
// trust a few sources of every kind, all of them in the account.
func TestDemoTrustedSources(t *testing.T) {
	a := readWithGodo(t, Demo())
	known := map[string]bool{"web": true}
	for _, c := range a.clusters {
		known[c.ID] = true
	}
	for _, app := range a.apps {
		known[app.ID] = true
	}
	for id := range dropletsByID(a) {
		known[strconv.Itoa(id)] = true
	}
	open, kinds := []string{}, map[string]bool{}
	for _, db := range a.databases {
		rules := a.trustedSources[db.ID]
		if len(rules) == 0 {
			open = append(open, db.Name)
		}
		if len(rules) > 3 {
			t.Errorf("%s trusts %d sources, want at most 3", db.Name, len(rules))
		}
		for _, r := range rules {
			kinds[r.Type] = true
			if r.ClusterUUID != db.ID || !known[r.Value] && r.Type != "ip_addr" {
				t.Errorf("%s: rule %+v names something the account lacks", db.Name, r)
			}
		}
	}
	if len(open) != 1 {
		t.Errorf("databases open to any address: %v, want one", open)
	}
	if want := []string{"app", "droplet", "ip_addr", "k8s", "tag"}; !slices.Equal(slices.Sorted(maps.Keys(kinds)), want) {
		t.Errorf("kinds of trusted source %v, want %v", slices.Sorted(maps.Keys(kinds)), want)
	}
	body := get(t, newTestServer(t, Demo()), "/v2/databases/"+databaseID(3)+"/firewall").body
	if string(body) != `{"rules":[]}` {
		t.Errorf("the open database's rules: %s", body)
	}
}

// TestDemoUpgrades: the cluster on the oldest version can upgrade to the
// next one; the others are current.
func TestDemoUpgrades(t *testing.T) {
	a := readWithGodo(t, Demo())
	oldest := slices.MinFunc(a.clusters, func(x, y *godo.KubernetesCluster) int { return compareVersions(x.VersionSlug, y.VersionSlug) })
	for _, c := range a.clusters {
		versions := a.upgrades[c.ID]
		slugs := []string{}
		for _, v := range versions {
			slugs = append(slugs, v.Slug)
		}
		switch {
		case c != oldest && versions != nil:
			t.Errorf("%s on %s can upgrade to %v, want null", c.Name, c.VersionSlug, slugs)
		case c == oldest && !slices.Equal(slugs, []string{"1.30.5-do.0"}):
			t.Errorf("%s on %s can upgrade to %v, want 1.30.5-do.0", c.Name, c.VersionSlug, slugs)
		}
	}
}

// TestDemoEndOfLife: one database version is past its end of life, one has
// none announced, and the others end years ahead.
func TestDemoEndOfLife(t *testing.T) {
	var raw []endOfLife
	json.Unmarshal(get(t, newTestServer(t, Demo()), "/v2/databases").body, &struct{ Databases *[]endOfLife }{&raw})
	past, none, ahead := 0, 0, 0
	for _, db := range raw {
		switch {
		case db.EndOfLife == nil:
			none++
		case db.EndOfLife.Before(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)):
			past++
		case db.EndOfLife.After(time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)):
			ahead++
		}
	}
	if past != 1 || none != 1 || ahead != len(raw)-2 {
		t.Errorf("%d past, %d unannounced and %d years ahead of %d, want 1, 1 and the rest", past, none, ahead, len(raw))
	}
}

// endOfLife is the field of a database that godo leaves out.
type endOfLife struct {
	EndOfLife *time.Time `json:"version_end_of_life"`
}

// compareVersions compares slugs such as "1.29.9-do.0" number by number.
func compareVersions(x, y string) int {
	return slices.CompareFunc(versionNumbers(x), versionNumbers(y), cmp.Compare[int])
}

func versionNumbers(slug string) []int {
	var numbers []int
	for _, field := range strings.FieldsFunc(slug, func(r rune) bool { return r < '0' || r > '9' }) {
		n, _ := strconv.Atoi(field)
		numbers = append(numbers, n)
	}
	return numbers
}
