package fakeapi

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/digitalocean/godo"
)

func TestDatabaseFirewallRules(t *testing.T) {
	s := newTestServer(t, Examples())
	client := newGodo(t, s)
	rules, _, err := client.Databases.GetFirewallRules(context.Background(), exampleDatabase)
	if err != nil || len(rules) != 4 {
		t.Fatalf("got %d rules (%v), want the example's 4", len(rules), err)
	}
	if r := rules[1]; r.Type != "ip_addr" || r.Value != "192.168.1.1" || r.ClusterUUID != exampleDatabase || r.CreatedAt.IsZero() {
		t.Errorf("rule %+v", r)
	}
	s.Update(func(a *Account) { delete(a.ByID[DatabaseFirewalls], exampleDatabase) })
	rules, _, err = client.Databases.GetFirewallRules(context.Background(), exampleDatabase)
	if err != nil || rules == nil || len(rules) != 0 {
		t.Errorf("a listed database without rules: %v (%v), want an empty list", rules, err)
	}
	if body := string(get(t, s, "/v2/databases/"+exampleDatabase+"/firewall").body); body != `{"rules":[]}` {
		t.Errorf("body %s", body)
	}
}

func TestKubernetesUpgrades(t *testing.T) {
	s := newTestServer(t, Examples())
	client := newGodo(t, s)
	versions, _, err := client.Kubernetes.GetUpgrades(context.Background(), exampleCluster)
	if err != nil || len(versions) != 1 || versions[0].Slug != "1.16.13-do.0" || versions[0].KubernetesVersion != "1.16.13" {
		t.Fatalf("got %+v (%v), want the example's 1.16.13-do.0", versions, err)
	}
	s.Update(func(a *Account) { delete(a.ByID[KubernetesUpgrades], exampleCluster) })
	versions, _, err = client.Kubernetes.GetUpgrades(context.Background(), exampleCluster)
	if err != nil || versions != nil {
		t.Errorf("a current cluster: %v (%v), want nil", versions, err)
	}
	body := string(get(t, s, "/v2/kubernetes/clusters/"+exampleCluster+"/upgrades").body)
	if body != `{"available_upgrade_versions":null}` {
		t.Errorf("body %s", body)
	}
}

func TestUnknownIDIsNotFound(t *testing.T) {
	client := newGodo(t, newTestServer(t, Examples()))
	_, resp, err := client.Kubernetes.GetUpgrades(context.Background(), "no-such-cluster")
	wantStatus(t, err, http.StatusNotFound)
	if resp != nil {
		t.Errorf("godo gave a response %v; FACTS.md says it gives nil on error", resp)
	}
	_, _, err = client.Databases.GetFirewallRules(context.Background(), "no-such-database")
	wantStatus(t, err, http.StatusNotFound)
}

func TestPathsAroundAnIDAreNotFound(t *testing.T) {
	s := newTestServer(t, Examples())
	for _, path := range []string{
		"/v2/databases//firewall", "/v2/databases/a/b/firewall", "/v2/databases/" + exampleDatabase,
		"/v2/databases/" + exampleDatabase + "/firewall/", "/v2/kubernetes/clusters/upgrades",
		"/v2/kubernetes/clusters/" + exampleCluster + "/upgrades/x", "/v2/databases/{id}/firewall",
	} {
		wantError(t, get(t, s, path), http.StatusNotFound, "not_found")
	}
}

// TestAnIDOnlyTheMapKnowsIsServed: rules set for a database that is not
// listed are still its rules.
func TestAnIDOnlyTheMapKnowsIsServed(t *testing.T) {
	s := newTestServer(t, Account{ByID: map[string]map[string][]map[string]any{DatabaseFirewalls: {"unlisted": {{"type": "tag", "value": "web"}}}}})
	rules, _, err := newGodo(t, s).Databases.GetFirewallRules(context.Background(), "unlisted")
	if err != nil || len(rules) != 1 || rules[0].Value != "web" {
		t.Errorf("got %+v (%v)", rules, err)
	}
}

// TestRulesAndUpgradesAreCopied: the server keeps no reference to the
// maps it was given, and Update can add to them even when none were set.
func TestRulesAndUpgradesAreCopied(t *testing.T) {
	acct := Examples()
	s := newTestServer(t, acct)
	acct.ByID[DatabaseFirewalls][exampleDatabase][0]["value"] = "changed"
	delete(acct.ByID[KubernetesUpgrades], exampleCluster)
	client := newGodo(t, s)
	rules, _, _ := client.Databases.GetFirewallRules(context.Background(), exampleDatabase)
	versions, _, _ := client.Kubernetes.GetUpgrades(context.Background(), exampleCluster)
	if len(rules) != 4 || rules[0].Value == "changed" || len(versions) != 1 {
		t.Errorf("served %d rules (first %q) and %d upgrades after changing the set maps", len(rules), rules[0].Value, len(versions))
	}
	s.SetAccount(Account{})
	s.Update(func(a *Account) {
		a.ByID[KubernetesUpgrades]["new"] = []map[string]any{{"slug": "1.32.2-do.0"}}
		a.ByID[DatabaseFirewalls]["new"] = []map[string]any{}
	})
	versions, _, err := client.Kubernetes.GetUpgrades(context.Background(), "new")
	if err != nil || len(versions) != 1 {
		t.Errorf("added upgrade: %v (%v)", versions, err)
	}
}

// wantStatus checks that err is godo's error for an answer with status.
func wantStatus(t *testing.T, err error, status int) {
	t.Helper()
	var e *godo.ErrorResponse
	if !errors.As(err, &e) || e.Response == nil || e.Response.StatusCode != status {
		t.Errorf("got %v, want a godo error with status %d", err, status)
	}
}
