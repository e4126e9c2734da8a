package pipeline

import "github.com/underlag/underlag/generator/confine"

// ReadFile reads a file the document refers to (see File), inside the
// document's data tree and --root directories and up to limit bytes, as
// package confine reads every file.
func (d *Doc) ReadFile(path string, limit int64) ([]byte, error) {
	return confine.ReadFile(d.in.Roots, path, limit)
}
