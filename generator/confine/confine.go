// Package confine is the one way underlag reads a file a user named or a
// data tree holds: data files, registries, templates and labels, images,
// directives, attachments, a reference DOCX, fonts.
//
// A file is opened once, through an os.Root on one of the directories it
// must stay inside (the data tree, or a --root directory), so that no
// symbolic link, "..", or path swapped in between a check and the open can
// lead outside them. The open descriptor is then examined (fstat): anything
// but a regular file (a directory, a FIFO that would block for ever, a
// device such as /dev/zero that never ends) is refused before a byte is
// read, and the file is read up to a limit.
//
// The standard library's os.Root does the confining (it resolves each
// path element below the root itself, refusing links that climb out of
// it); this package adds the type check and the bound that os.Root's own
// ReadFile lacks.
package confine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

var (
	// ErrOutside is returned for a path, or a link on it, that leads out
	// of every directory it may be read from.
	ErrOutside = errors.New("outside the directories it may be read from")
	// ErrNotRegular is returned for a directory, a FIFO, a socket or a
	// device.
	ErrNotRegular = errors.New("not a regular file (a directory, a pipe, a socket or a device)")
)

// TooLargeError is returned for a file larger than the limit it was read
// with.
type TooLargeError struct {
	Size  int64 // -1 when the file grew past the limit while being read
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("too large (more than %s)", Size(e.Limit))
	}
	return fmt.Sprintf("too large (%s)", TooLarge(e.Size, e.Limit))
}

// TooLarge says how a size exceeds a limit, in units that show the
// difference: "10.0 MB; the limit is 10.0 MB" would not.
func TooLarge(n, limit int64) string {
	a, b := Size(n), Size(limit)
	if a == b {
		a, b = fmt.Sprintf("%d bytes", n), fmt.Sprintf("%d bytes", limit)
	}
	return a + "; the limit is " + b
}

// Size is a byte count in the unit that suits it: "12 bytes", "3.4 kB",
// "10.0 MB".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadFile reads the file at path, which must lie inside one of the
// directories roots (relative paths are taken from the working directory),
// and be a regular file of at most limit bytes. Errors are ErrOutside,
// ErrNotRegular, *TooLargeError, or the system's (fs.ErrNotExist,
// fs.ErrPermission), wrapped; they name no path, the caller's message does.
func ReadFile(roots []string, path string, limit int64) ([]byte, error) {
	f, st, err := Open(roots, path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	// One byte past the limit tells a file that grew since the fstat.
	// The buffer is the file's size and room for that byte and the
	// end-of-file read, so that it is allocated once (io.ReadAll grows
	// it step by step, copying).
	b := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, unwrap(err)
	}
	data := b.Bytes()
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return data, nil
}

// Open opens the file at path inside one of roots, as ReadFile does, for a
// caller that streams it (a hash); the caller bounds what it reads and
// closes the file. The FileInfo is the open descriptor's.
func Open(roots []string, path string) (*os.File, fs.FileInfo, error) {
	if len(roots) == 0 {
		return nil, nil, ErrOutside
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, err
	}
	tried := map[candidate]bool{}
	var firstErr error
	try := func(cs []candidate) (*os.File, fs.FileInfo, error) {
		for _, c := range cs {
			if tried[c] {
				continue
			}
			tried[c] = true
			f, err := openIn(c.root, c.rel)
			if err == nil {
				return checkRegular(f)
			}
			if !errors.Is(err, ErrOutside) {
				return nil, nil, err
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		return nil, nil, nil
	}
	// As written first, the common case; then with links resolved, which
	// costs a system call per path element.
	if f, st, err := try(lexical(roots, abs)); f != nil || err != nil {
		return f, st, err
	}
	if f, st, err := try(candidates(roots, abs)); f != nil || err != nil {
		return f, st, err
	}
	if firstErr == nil {
		firstErr = ErrOutside
	}
	return nil, nil, firstErr
}

// checkRegular examines the open descriptor: anything but a regular file
// is closed and refused.
func checkRegular(f *os.File) (*os.File, fs.FileInfo, error) {
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, unwrap(err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, ErrNotRegular
	}
	return f, st, nil
}

// Dir is the directory a file given by itself may be read from: its own.
// A link beside it that leads elsewhere is refused.
func Dir(path string) []string { return []string{filepath.Dir(path)} }

type candidate struct{ root, rel string }

// lexical are the ways to name abs below a root as both are written, the
// common case, tried before any link is resolved.
func lexical(roots []string, abs string) []candidate {
	var out []candidate
	for _, r := range roots {
		ra, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(ra, abs); err == nil && filepath.IsLocal(rel) {
			out = append(out, candidate{ra, rel})
		}
	}
	return out
}

// candidates are the ways to name abs below a root: as written, and with
// the links on the roots and on abs's directory resolved (a working
// directory or a root reached through a link). Each is still opened
// through os.Root, which alone decides whether it stays inside.
func candidates(roots []string, abs string) []candidate {
	var out []candidate
	add := func(root, p string) {
		rel, err := filepath.Rel(root, p)
		if err != nil || !filepath.IsLocal(rel) {
			return
		}
		for _, c := range out {
			if c.root == root && c.rel == rel {
				return
			}
		}
		out = append(out, candidate{root, rel})
	}
	realAbs := ""
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		realAbs = filepath.Join(d, filepath.Base(abs))
	}
	realTarget := ""
	if t, err := filepath.EvalSymlinks(abs); err == nil {
		realTarget = t
	}
	for _, r := range roots {
		ra, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		add(ra, abs)
		rr, err := filepath.EvalSymlinks(ra)
		if err != nil {
			continue
		}
		if realAbs != "" {
			add(rr, realAbs)
		}
	}
	// A link inside one root to a file inside another (a data tree and a
	// --root): opened below the root that holds its target.
	if realTarget != "" {
		for _, r := range roots {
			if rr, err := filepath.EvalSymlinks(r); err == nil {
				if ra, err := filepath.Abs(rr); err == nil {
					add(ra, realTarget)
				}
			}
		}
	}
	return out
}

// openIn opens rel below root without following links out of it, and
// without blocking on a FIFO (see openFlags).
func openIn(root, rel string) (*os.File, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, unwrap(err)
	}
	defer r.Close()
	f, err := r.OpenFile(rel, openFlags, 0)
	if err != nil {
		if escapes(err) {
			return nil, ErrOutside
		}
		return nil, unwrap(err)
	}
	return f, nil
}

// escapes tells os.Root's refusal of a path that leads out of the root.
// The standard library does not export that error; its text is stable.
func escapes(err error) bool {
	return strings.Contains(err.Error(), "escapes from parent")
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
