package config

import (
	"fmt"
	"slices"
	"testing"
)

func TestShardsSplitTheAccountsEvenlyAndExactlyOnce(t *testing.T) {
	var accounts []Account
	for i := range 10 {
		accounts = append(accounts, Account{Name: fmt.Sprintf("team-%02d", i)})
	}
	for _, count := range []int{1, 2, 3, 4, 10, 12} {
		watched := map[string]int{}
		for index := range count {
			shard, err := ParseShard(fmt.Sprintf("%d/%d", index, count))
			if err != nil {
				t.Fatal(err)
			}
			mine := shard.Of(accounts)
			if want := len(accounts) / count; len(mine) < want || len(mine) > want+1 {
				t.Errorf("shard %s watches %d accounts, want %d or %d", shard, len(mine), want, want+1)
			}
			if !slices.IsSorted(names(mine)) { // the names of accounts are in order
				t.Errorf("shard %s changed the accounts' order", shard)
			}
			for _, a := range mine {
				watched[a.Name]++
			}
			again := shard.Of(slices.Clone(accounts))
			if !slices.Equal(names(mine), names(again)) {
				t.Errorf("shard %s is not stable: %v then %v", shard, names(mine), names(again))
			}
		}
		for _, a := range accounts {
			if watched[a.Name] != 1 {
				t.Errorf("%d shards: %s watched %d times", count, a.Name, watched[a.Name])
			}
		}
	}
}

func TestParseShardRefusesNonsense(t *testing.T) {
	for _, s := range []string{"", "1", "2/2", "-1/2", "0/0", "a/b", "1/2/3"} {
		if _, err := ParseShard(s); err == nil {
			t.Errorf("ParseShard(%q) accepted it", s)
		}
	}
}

func names(accounts []Account) []string {
	out := make([]string, len(accounts))
	for i, a := range accounts {
		out[i] = a.Name
	}
	return out
}
