package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
)

// The settings of a build that its data trees' organisation profiles
// give rather than the command line: the reference document
// (referensdokument:) and the typeface (typsnitt:). They shape every
// output of a build, so the commands find them here, through the loader
// (confined as a logo is), before they make the pipeline.

// Font is the organisation's own typeface as the loader reads it.
type Font = load.Font

// Metadata is a field that -M sets on every document.
type Metadata = load.Metadata

// ErrSeparateBuilds is the error of paths whose profiles name different
// reference documents or typefaces: they must be built one at a time.
var ErrSeparateBuilds = errors.New("build them separately")

// profileDirs are the folders whose profiles the paths use: a file's
// folder, a folder itself; paths that do not exist are left to the build
// to report. No paths means data/.
func profileDirs(paths []string) (dirs, from []string) {
	if len(paths) == 0 {
		paths = []string{"data"}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		dir := p
		if !st.IsDir() {
			dir = filepath.Dir(p)
		}
		dirs, from = append(dirs, dir), append(from, p)
	}
	return dirs, from
}

// ReferenceFor is the reference document of a build: flag when given,
// else the one the organisation profile of the paths names.
func ReferenceFor(flag string, paths, roots []string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	l := load.New(kind.Default(), load.WithRoots(roots...))
	ref, first := "", ""
	dirs, from := profileDirs(paths)
	for i, dir := range dirs {
		r, diags := l.ReferenceDOCX(dir)
		if diags.HasErrors() {
			return "", diags.Err()
		}
		if r == "" {
			continue
		}
		if ref != "" && r != ref {
			return "", fmt.Errorf("%s and %s name different reference documents (referensdokument:); %w, or give one with --reference-docx", first, from[i], ErrSeparateBuilds)
		}
		ref, first = r, from[i]
	}
	return ref, nil
}

// FontFor is the organisation's own typeface for a build (typsnitt: in
// the profile of the paths), read through the loader; nil for Liberation
// Sans.
func FontFor(paths, roots []string) (*Font, error) {
	l := load.New(kind.Default(), load.WithRoots(roots...))
	var font *load.Font
	first := ""
	dirs, from := profileDirs(paths)
	for i, dir := range dirs {
		f, diags := l.Font(dir)
		if diags.HasErrors() {
			return nil, diags.Err()
		}
		if f == nil {
			continue
		}
		if font != nil && !sameFont(font, f) {
			return nil, fmt.Errorf("%s and %s name different typefaces (typsnitt:); %w", first, from[i], ErrSeparateBuilds)
		}
		font, first = f, from[i]
	}
	return font, nil
}

func sameFont(a, b *load.Font) bool {
	return a.Name == b.Name && bytes.Equal(a.Regular, b.Regular) && bytes.Equal(a.Bold, b.Bold) &&
		bytes.Equal(a.Italic, b.Italic) && bytes.Equal(a.BoldItalic, b.BoldItalic)
}

// PlaceFontError places a typeface New refused (a licence that forbids
// embedding) at its line of the profile of the paths; other errors are
// returned as they are.
func PlaceFontError(err error, paths, roots []string) error {
	var fe *FontError
	if !errors.As(err, &fe) {
		return err
	}
	dirs, _ := profileDirs(paths)
	if len(dirs) == 0 {
		return err
	}
	return load.New(kind.Default(), load.WithRoots(roots...)).FontDiagnostic(dirs[0], fe.Key, fe.Error()).Err()
}

// ParseMetadata reads -M flags (KEY=VALUE, the value read as YAML).
func ParseMetadata(flags []string) ([]Metadata, error) {
	var out []load.Metadata
	for _, f := range flags {
		m, err := load.ParseMetadata(f)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
