package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// MaxAssetSize is the largest file a document may embed (a logo, an
// image). Real logos are tens of kilobytes; the limit keeps a mistaken
// reference (a video, /dev/zero behind a link) from exhausting memory.
const MaxAssetSize = 8 << 20

// Asset is a file a document embeds, read by the loader so that compose
// stays a pure function of its input.
type Asset struct {
	Path string // as resolved, relative to the working directory when the reference was
	Data []byte
}

// realDir returns the absolute path of dir with every symlink resolved.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// within reports whether the resolved path p is root or below it.
func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolveRef resolves a file reference written in the file src at the
// field path, relative to src's directory, and confirms that it names a
// regular file inside one of roots (resolved directories): absolute paths,
// ../ and symlinks that leave the data tree, directories, devices and FIFOs
// are refused with the position of the reference. The message names the
// path, never what the file holds.
func resolveRef(src *model.Source, field, ref string, roots []string) (string, *diag.Diagnostic) {
	file := ""
	p := ref
	if src != nil {
		file = src.Path
		if !filepath.IsAbs(ref) {
			p = filepath.Join(filepath.Dir(src.Path), localPath(ref))
		}
	}
	pos := src.Pos(field)
	fail := func(format string, args ...any) (string, *diag.Diagnostic) {
		return p, &diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Path: field, Msg: fmt.Sprintf(format, args...)}
	}
	st, err := os.Stat(p)
	switch {
	case err != nil && errors.Is(err, fs.ErrNotExist):
		if p != ref {
			return fail("%s does not exist (the path is relative to this file's directory, so it is %s)", ref, p)
		}
		return fail("%s does not exist", ref)
	case err != nil:
		return fail("%s cannot be read: %v", ref, unwrapPath(err))
	case st.IsDir():
		return fail("%s is a directory, not a file", ref)
	case !st.Mode().IsRegular():
		return fail("%s is not a regular file (a device, a pipe or a socket); name a file in the data tree", ref)
	}
	real, err := filepath.EvalSymlinks(p)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return fail("%s cannot be resolved: %v", ref, unwrapPath(err))
	}
	for _, r := range roots {
		if within(r, real) {
			return p, nil
		}
	}
	return fail("%s is outside the data tree (%s); keep the file in the data tree, or widen it with --root DIR", ref, strings.Join(displayRoots(roots), ", "))
}

func displayRoots(roots []string) []string {
	wd, _ := os.Getwd()
	out := make([]string, len(roots))
	for i, r := range roots {
		out[i] = r
		if rel, err := filepath.Rel(wd, r); err == nil && !strings.HasPrefix(rel, "..") {
			out[i] = rel
		}
	}
	return out
}

// ReadFile reads a resolved reference with a bounded reader: a file that
// is not a regular file, grows past limit, or turns into something else
// between the check and the read is refused rather than read without end.
// Errors name no path: the caller's message does.
func ReadFile(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("too large (%s)", tooLarge(st.Size(), limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("too large (more than %s)", size(limit))
	}
	return data, nil
}

// isDataFile reports whether a path names a YAML data file by its
// extension: only those are parsed, and so only their text can ever show
// in a message.
func isDataFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
