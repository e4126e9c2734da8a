package serve

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/confine"
)

// maxFile bounds what the server reads or accepts as one data file: a
// document is a few kilobytes; this is the loader's own limit.
const maxFile = 10 << 20 // load.MaxFileSize

// tree is the data tree the server may read and write, opened once as an
// os.Root: every path the browser sends is resolved below it, and no
// "..", absolute path or symbolic link leads out of it.
type tree struct {
	dir  string // absolute
	root *os.Root
}

func openTree(dir string) (*tree, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", dir, err)
	}
	return &tree{dir: abs, root: r}, nil
}

func (t *tree) Close() error { return t.root.Close() }

// errPath is a path from the browser that does not name a data file in
// the tree.
var errPath = errors.New("not a data file in the tree")

// clean checks a slash-separated path relative to the tree, as the
// browser sends it, and returns it cleaned: local, a .yaml or .yml file,
// not hidden.
func clean(rel string) (string, error) {
	rel = path.Clean(strings.TrimPrefix(rel, "/"))
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.Contains(rel, `\`) {
		return "", errPath
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return "", errPath
		}
	}
	if ext := path.Ext(rel); ext != ".yaml" && ext != ".yml" {
		return "", errPath
	}
	return rel, nil
}

// abs is the file's path on disk, for the pipeline, which reads it
// through its own confined loader.
func (t *tree) abs(rel string) string { return filepath.Join(t.dir, filepath.FromSlash(rel)) }

// rel is a path on disk as a slash-separated path in the tree; ok is
// false for one outside it.
func (t *tree) rel(p string) (string, bool) {
	r, err := filepath.Rel(t.dir, p)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// read reads a regular file of the tree, at most maxFile bytes, through
// the build's confined reader (generator/confine), with the tree as the
// one root: no link, ".." or FIFO leads out of it or hangs the server.
func (t *tree) read(rel string) ([]byte, error) {
	return confine.ReadFile([]string{t.dir}, t.abs(rel), maxFile)
}

// write replaces a file of the tree atomically: the data goes to a
// temporary file beside it, is synced, and is renamed over the file only
// when all of it was written, so that a failed write leaves the old file.
// With create, the file must not exist yet.
func (t *tree) write(rel string, data []byte, create bool) (err error) {
	name := filepath.FromSlash(rel)
	dir := filepath.Dir(name)
	if err := t.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	perm := os.FileMode(0o644)
	st, err := t.root.Stat(name)
	switch {
	case err == nil && create:
		return fmt.Errorf("%s: %w", rel, fs.ErrExist)
	case err == nil && !st.Mode().IsRegular():
		return fmt.Errorf("%s: not a regular file", rel)
	case err == nil:
		perm = st.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(dir, "."+filepath.Base(name)+"."+hex.EncodeToString(rnd[:])+".tmp")
	f, err := t.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			t.root.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if create {
		// Link fails when the name was taken meanwhile; rename would
		// replace it.
		if err = t.root.Link(tmp, name); err != nil {
			return err
		}
		return t.root.Remove(tmp)
	}
	return t.root.Rename(tmp, name)
}

// version identifies a file's contents, to tell whether it changed on
// disk since the browser opened it.
func version(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
