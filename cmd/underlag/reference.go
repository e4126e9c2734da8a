package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
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
