package batch

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/underlag/underlag/generator/batch/manifest"
)

// outDir is the output directory. Every file the build writes, checks or
// removes in it goes through an os.Root, so that no path, whatever a
// manifest or a file name says, reaches outside it; and every directory on
// the way to an output is checked with Lstat, so that a symbolic link
// inside the output directory is refused with a clear error rather than
// followed.
type outDir struct {
	path string
	root *os.Root

	mu   sync.Mutex
	dirs map[string]error // directories checked or made, slash-separated
	// open are output directories kept open as roots, recent their
	// order of use (dirroot.go).
	open   map[string]*dirRoot
	recent *list.List
}

func openOut(dir string) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the output directory: %w", err)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open the output directory: %w", err)
	}
	return &outDir{path: dir, root: r, dirs: map[string]error{}}, nil
}

func (o *outDir) Close() error {
	o.closeDirs()
	return o.root.Close()
}

// show is the path of rel as a user would type it.
func (o *outDir) show(rel string) string { return filepath.Join(o.path, filepath.FromSlash(rel)) }

// ensureDir makes sure rel (slash-separated, local) is a real directory in
// the output directory, making what is missing.
func (o *outDir) ensureDir(rel string) error {
	if rel == "" || rel == "." {
		return nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ensureLocked(rel)
}

func (o *outDir) ensureLocked(rel string) error {
	if err, ok := o.dirs[rel]; ok {
		return err
	}
	var err error
	if parent := path.Dir(rel); parent != "." {
		err = o.ensureLocked(parent)
	}
	if err == nil {
		err = o.mkdir(rel)
	}
	o.dirs[rel] = err
	return err
}

func (o *outDir) mkdir(rel string) error {
	name := filepath.FromSlash(rel)
	fi, err := o.root.Lstat(name)
	switch {
	case err == nil && fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link: a build writes only into real directories inside the output directory, so that nothing is written elsewhere; remove the link", o.show(rel))
	case err == nil && fi.IsDir():
		return nil
	case err == nil:
		return fmt.Errorf("%s is a file where the build needs a directory: move it away", o.show(rel))
	case errors.Is(err, fs.ErrNotExist):
		if err := o.root.Mkdir(name, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create %s: %w", o.show(rel), unwrapPath(err))
		}
		return nil
	}
	return fmt.Errorf("%s: %w", o.show(rel), unwrapPath(err))
}

// write replaces the output rel with data: into a new temporary file
// beside it, renamed over it when whole, so that a reader sees the old
// file or the new one. It is not synced: the next build checks every
// output against the sha256 in the manifest and makes again one that a
// crash damaged, which costs less than thousands of fsyncs.
func (o *outDir) write(rel string, data []byte) (err error) {
	if !manifest.Local(rel) {
		return fmt.Errorf("output path %q is outside the output directory", rel)
	}
	if err := o.ensureDir(path.Dir(rel)); err != nil {
		return err
	}
	dir, name := path.Split(rel)
	root, done, err := o.dirRootOf(path.Clean(dir))
	if err != nil {
		return fmt.Errorf("write %s: %w", o.show(rel), unwrapPath(err))
	}
	defer done()
	if fi, err := root.Lstat(name); err == nil && !fi.Mode().IsRegular() {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link: a build does not write through links in the output directory; remove it", o.show(rel))
		}
		return fmt.Errorf("%s is in the way: it is not a regular file", o.show(rel))
	}
	tmp := "." + name + "." + strconv.FormatUint(rand.Uint64(), 36) + ".tmp"
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", o.show(rel), unwrapPath(err))
	}
	defer func() {
		if err != nil {
			f.Close()
			root.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", o.show(rel), unwrapPath(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", o.show(rel), unwrapPath(err))
	}
	if err = root.Rename(tmp, name); err != nil {
		return fmt.Errorf("write %s: %w", o.show(rel), unwrapPath(err))
	}
	return nil
}

// intact reports whether the output is a regular file in the output
// directory with the size and sha256 the manifest records.
func (o *outDir) intact(out *manifest.Output) bool {
	if !manifest.Local(out.Path) {
		return false
	}
	name := filepath.FromSlash(out.Path)
	fi, err := o.root.Lstat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != out.Size {
		return false
	}
	f, err := o.root.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == out.SHA256
}

// remove removes the output rel; one that is already gone is no error. A
// symbolic link is removed itself, never what it points to.
func (o *outDir) remove(rel string) error {
	if !manifest.Local(rel) {
		return nil
	}
	if err := o.root.Remove(filepath.FromSlash(rel)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", o.show(rel), unwrapPath(err))
	}
	// The folders it leaves empty go too (a renamed or removed folder of
	// sources); the first that is not empty stops it.
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if o.root.Remove(filepath.FromSlash(dir)) != nil {
			break
		}
	}
	return nil
}

// unwrapPath drops the path from an *fs.PathError, for messages that name
// the path themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
