package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/atomic"
)

// Shard is one part of a build split for a CI matrix: shard Index of Count,
// Index counted from 1. The zero Shard is the whole build. A source belongs
// to a shard by a hash of its path, so every source is in exactly one shard
// and stays in it when other files are added or removed.
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

// root is one path the build was given: outputs of files under a directory
// mirror their place below it.
type root struct {
	path  string // cleaned, slash-separated
	isDir bool
}

func rootsOf(paths []string) ([]root, error) {
	var rs []root
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
		rs = append(rs, root{path: filepath.ToSlash(filepath.Clean(p)), isDir: fi.IsDir()})
	}
	return rs, nil
}

// within reports whether src is the root itself or below it.
func (r root) within(src string) bool {
	if !r.isDir {
		return src == r.path
	}
	if r.path == "." {
		return !strings.HasPrefix(src, "../") && !path.IsAbs(src)
	}
	return strings.HasPrefix(src, r.path+"/")
}

func underRoots(rs []root, src string) bool {
	for _, r := range rs {
		if r.within(src) {
			return true
		}
	}
	return false
}

// outDir is the output subdirectory of a file: its directory relative to
// the deepest directory root holding it, "" for a file given directly or at
// a root's top. Only local paths come out: a directory that would climb
// out of the output directory maps to "".
func outDir(rs []root, file string) string {
	src := filepath.ToSlash(filepath.Clean(file))
	best := -1
	for i, r := range rs {
		if r.isDir && r.within(src) && (best < 0 || len(r.path) > len(rs[best].path)) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	rel := path.Dir(src)
	if rs[best].path != "." {
		rel = strings.TrimPrefix(rel, rs[best].path)
		rel = strings.TrimPrefix(rel, "/")
	}
	if rel == "." || rel == "" || !filepath.IsLocal(filepath.FromSlash(rel)) {
		return ""
	}
	return rel
}

// fileHashes hashes each dependency file once per build, however many
// documents depend on it.
type fileHashes struct {
	mu sync.Mutex
	m  map[string]*fileHash
}

type fileHash struct {
	once sync.Once
	sum  string // "" when the file does not exist or cannot be read
}

func (h *fileHashes) get(p string) string {
	h.mu.Lock()
	e := h.m[p]
	if e == nil {
		e = &fileHash{}
		h.m[p] = e
	}
	h.mu.Unlock()
	e.once.Do(func() {
		data, err := os.ReadFile(p)
		if err == nil {
			s := sha256.Sum256(data)
			e.sum = hex.EncodeToString(s[:])
		} else if !errors.Is(err, fs.ErrNotExist) {
			// Unreadable: a value that never matches, so the
			// document is rebuilt and the loader reports why.
			e.sum = "unreadable"
		}
	})
	return e.sum
}

// dirCache creates each output directory once.
type dirCache struct {
	mu sync.Mutex
	m  map[string]error
}

func (c *dirCache) ensure(dir string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err, ok := c.m[dir]; ok {
		return err
	}
	err := os.MkdirAll(dir, 0o755)
	c.m[dir] = err
	return err
}

// writeFile replaces an output without syncing it to disk
// (atomic.Replace): thousands of fsyncs would cost more than rendering, and
// durability is not needed, since the next build verifies every output
// against the sha256 in the manifest and rebuilds one that a crash left
// damaged.
func writeFile(p string, data []byte) error {
	return atomic.Replace(p, data, 0o644)
}
