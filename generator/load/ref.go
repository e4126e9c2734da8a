package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/underlag/underlag/generator/confine"
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

// resolveRef turns a file reference written in the file src at the field
// path into a path, relative to src's directory. It reads nothing: the
// one open, inside roots, is readRef's (or checkRef's), so no check can
// go stale before the read.
func resolveRef(src *model.Source, ref string) string {
	if src != nil && !filepath.IsAbs(ref) {
		return filepath.Join(filepath.Dir(src.Path), localPath(ref))
	}
	return ref
}

// readRef reads the file a reference names, inside roots and up to limit
// bytes. What goes wrong (absolute paths, ../ and links that leave the
// data tree, directories, devices, FIFOs, a file too large) is a
// diagnostic at the reference; it names the path, never what the file
// holds.
func readRef(src *model.Source, field, ref string, roots []string, limit int64) (string, []byte, *diag.Diagnostic) {
	p := resolveRef(src, ref)
	data, err := confine.ReadFile(roots, p, limit)
	if err != nil {
		return p, nil, refError(src, field, ref, p, roots, err)
	}
	return p, data, nil
}

// checkRef confirms that a reference names a regular file inside roots,
// for a file read later (a directive through the loader's cache, an
// attachment by the packet), so that the problem is reported at the
// reference. The later read is confined in the same way.
func checkRef(src *model.Source, field, ref string, roots []string) (string, *diag.Diagnostic) {
	p := resolveRef(src, ref)
	f, _, err := confine.Open(roots, p)
	if err != nil {
		return p, refError(src, field, ref, p, roots, err)
	}
	f.Close()
	return p, nil
}

// refError words a failed read of a reference, at the reference.
func refError(src *model.Source, field, ref, p string, roots []string, err error) *diag.Diagnostic {
	file := ""
	if src != nil {
		file = src.Path
	}
	pos := src.Pos(field)
	d := &diag.Diagnostic{File: file, Line: pos.Line, Col: pos.Col, Path: field}
	var tl *confine.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist) && p != ref:
		d.Msg = fmt.Sprintf("%s does not exist (the path is relative to this file's directory, so it is %s)", ref, p)
	case errors.Is(err, fs.ErrNotExist):
		d.Msg = fmt.Sprintf("%s does not exist", ref)
	case errors.Is(err, confine.ErrOutside):
		d.Msg = fmt.Sprintf("%s is outside the data tree (%s); keep the file in the data tree, or widen it with --root DIR", ref, strings.Join(displayRoots(roots), ", "))
	case errors.Is(err, confine.ErrNotRegular) && isDir(p):
		d.Msg = fmt.Sprintf("%s is a directory, not a file", ref)
	case errors.Is(err, confine.ErrNotRegular):
		d.Msg = fmt.Sprintf("%s is not a regular file (a device, a pipe or a socket); name a file in the data tree", ref)
	case errors.As(err, &tl):
		d.Msg = fmt.Sprintf("%s is %v", ref, err)
	default:
		d.Msg = fmt.Sprintf("%s cannot be read: %v", ref, err)
	}
	return d
}

// isDir words a refusal only: the file was already refused.
func isDir(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.IsDir()
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

// isDataFile reports whether a path names a YAML data file by its
// extension: only those are parsed, and so only their text can ever show
// in a message.
func isDataFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
