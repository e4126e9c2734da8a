package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/pipeline"
)

// referenceFor is the reference document of a build: --reference-docx
// when given, else the one the organisation profile of the paths names
// (referensdokument:), found and confined as the loader finds a logo.
// The reference shapes every output of a build, so paths whose profiles
// name different documents must be built separately.
func referenceFor(flag string, paths, roots []string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if len(paths) == 0 {
		paths = []string{"data"}
	}
	l := load.New(kind.Default(), load.WithRoots(roots...))
	ref, from := "", ""
	for _, p := range paths {
		dir := p
		if st, err := os.Stat(p); err != nil {
			continue // the build reports a path that does not exist
		} else if !st.IsDir() {
			dir = filepath.Dir(p)
		}
		r, diags := l.ReferenceDOCX(dir)
		if diags.HasErrors() {
			return "", diags.Err()
		}
		if r == "" {
			continue
		}
		if ref != "" && r != ref {
			return "", usageErr(fmt.Errorf("%s and %s name different reference documents (referensdokument:); build them separately, or give one with --reference-docx", from, p))
		}
		ref, from = r, p
	}
	return ref, nil
}

// fontFor is the organisation's own typeface for a build (typsnitt: in
// the profile of the paths), read through the loader; nil for Liberation
// Sans. As with the reference document, paths whose profiles name
// different typefaces must be built separately.
func fontFor(paths, roots []string) (*load.Font, error) {
	if len(paths) == 0 {
		paths = []string{"data"}
	}
	l := load.New(kind.Default(), load.WithRoots(roots...))
	var font *load.Font
	from := ""
	for _, p := range paths {
		dir := p
		if st, err := os.Stat(p); err != nil {
			continue
		} else if !st.IsDir() {
			dir = filepath.Dir(p)
		}
		f, diags := l.Font(dir)
		if diags.HasErrors() {
			return nil, diags.Err()
		}
		if f == nil {
			continue
		}
		if font != nil && !sameFont(font, f) {
			return nil, usageErr(fmt.Errorf("%s and %s name different typefaces (typsnitt:); build them separately", from, p))
		}
		font, from = f, p
	}
	return font, nil
}

func sameFont(a, b *load.Font) bool {
	return a.Name == b.Name && bytes.Equal(a.Regular, b.Regular) && bytes.Equal(a.Bold, b.Bold) &&
		bytes.Equal(a.Italic, b.Italic) && bytes.Equal(a.BoldItalic, b.BoldItalic)
}

// fontProblem places a typeface the pipeline refused (a licence that
// forbids embedding) at its line of the profile.
func fontProblem(err error, paths, roots []string) error {
	var fe *pipeline.FontError
	if !errors.As(err, &fe) {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"data"}
	}
	dir := paths[0]
	if st, serr := os.Stat(dir); serr == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	return load.New(kind.Default(), load.WithRoots(roots...)).FontDiagnostic(dir, fe.Key, fe.Error()).Err()
}

// parseMetadata reads the -M flags.
func parseMetadata(flags []string) ([]load.Metadata, error) {
	var out []load.Metadata
	for _, f := range flags {
		m, err := load.ParseMetadata(f)
		if err != nil {
			return nil, usageErr(err)
		}
		out = append(out, m)
	}
	return out, nil
}
