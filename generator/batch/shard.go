package batch

import (
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
)

// Shard is one part of a build split for a CI matrix: shard Index of Count,
// Index counted from 1. The zero Shard is the whole build. A source belongs
// to a shard by a hash of its path, so every source is in exactly one shard
// and stays in it when other files are added or removed. Since output
// names depend on nothing but the source's path, the shards of a build
// write exactly the files a whole build would.
type Shard struct{ Index, Count int }

// ParseShard reads "i/n", such as "2/4".
func ParseShard(s string) (Shard, error) {
	bad := fmt.Errorf("shard %q: write it as i/n with 1 ≤ i ≤ n, such as 2/4", s)
	a, c, ok := strings.Cut(s, "/")
	if !ok {
		return Shard{}, bad
	}
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(c))
	if err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, bad
	}
	return Shard{Index: i, Count: n}, nil
}

func (s Shard) String() string {
	if s.Count <= 1 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Contains reports whether the source (slash-separated, as the build names
// it) belongs to the shard.
func (s Shard) Contains(src string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New32a()
	io.WriteString(h, src)
	return int(h.Sum32()%uint32(s.Count)) == s.Index-1
}
