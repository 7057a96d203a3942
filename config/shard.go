package config

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Shard is one of Count exporters that split the accounts of one config
// file between them, as replicas of a StatefulSet do: each account is
// watched by exactly one of them.
type Shard struct {
	Index, Count int
}

// ParseShard reads INDEX/COUNT, such as 0/2 and 1/2.
func ParseShard(s string) (Shard, error) {
	index, count, ok := strings.Cut(s, "/")
	i, errIndex := strconv.Atoi(index)
	n, errCount := strconv.Atoi(count)
	if !ok || errIndex != nil || errCount != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("shard %q: want INDEX/COUNT with 0 <= INDEX < COUNT, such as 0/2", s)
	}
	return Shard{Index: i, Count: n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Of returns the accounts this shard watches, in their order. The accounts
// are ranked by a hash of their names, which every replica computes alike
// from the same file, and dealt out in turn: the shards get as many as
// each other, give or take one, and none is watched twice or never.
func (s Shard) Of(accounts []Account) []Account {
	if s.Count <= 1 {
		return accounts
	}
	ranked := slices.Clone(accounts)
	slices.SortFunc(ranked, func(a, b Account) int {
		return cmp.Or(cmp.Compare(nameHash(a.Name), nameHash(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	mine := map[string]bool{}
	for rank, a := range ranked {
		if rank%s.Count == s.Index {
			mine[a.Name] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(accounts), func(a Account) bool { return !mine[a.Name] })
}

func nameHash(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}
