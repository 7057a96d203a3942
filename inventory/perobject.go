package inventory

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/digitalocean/godo"
)

// The kinds below cost one request per database or cluster, so they are
// refreshed on their own, slower interval.

// fetchTrustedSources reads the trusted-source rules of every database
// the snapshot lists.
func fetchTrustedSources(ctx context.Context, c *godo.Client, s *Snapshot) (map[string][]godo.DatabaseFirewallRule, error) {
	return forEachObject(ctx, databaseIDs(s.Databases), func(ctx context.Context, id string) ([]godo.DatabaseFirewallRule, error) {
		rules, _, err := c.Databases.GetFirewallRules(ctx, id)
		return rules, err
	})
}

func mapTrustedSources(in map[string][]godo.DatabaseFirewallRule) map[string]int {
	counts := make(map[string]int, len(in))
	for id, rules := range in {
		counts[id] = len(rules)
	}
	return counts
}

// fetchUpgrades reads the versions every listed cluster can upgrade to.
func fetchUpgrades(ctx context.Context, c *godo.Client, s *Snapshot) (map[string][]*godo.KubernetesVersion, error) {
	return forEachObject(ctx, clusterIDs(s.Clusters), func(ctx context.Context, id string) ([]*godo.KubernetesVersion, error) {
		versions, _, err := c.Kubernetes.GetUpgrades(ctx, id)
		return versions, err
	})
}

func mapUpgrades(in map[string][]*godo.KubernetesVersion) map[string][]string {
	upgrades := make(map[string][]string, len(in))
	for id, versions := range in {
		for _, v := range versions {
			if v != nil {
				upgrades[id] = append(upgrades[id], v.Slug)
			}
		}
	}
	return upgrades
}

// forEachObject calls get for each ID in turn, gently on the rate limit.
// An object deleted since it was listed (404) is skipped; any other error
// fails the whole refresh, so the last good result stays.
func forEachObject[T any](ctx context.Context, ids []string, get func(context.Context, string) (T, error)) (map[string]T, error) {
	results := make(map[string]T, len(ids))
	for _, id := range ids {
		result, err := get(ctx, id)
		switch {
		case isNotFound(err):
			continue
		case err != nil:
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		results[id] = result
	}
	return results, nil
}

func isNotFound(err error) bool {
	var apiErr *godo.ErrorResponse
	return errors.As(err, &apiErr) && apiErr.Response != nil && apiErr.Response.StatusCode == http.StatusNotFound
}

func databaseIDs(databases []Database) []string {
	ids := make([]string, len(databases))
	for i, d := range databases {
		ids[i] = d.ID
	}
	return ids
}

func clusterIDs(clusters []Cluster) []string {
	ids := make([]string, len(clusters))
	for i, c := range clusters {
		ids[i] = c.ID
	}
	return ids
}
