package pipeline

import (
	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/load"
)

// ReadFile reads a file the document refers to (see File), inside the
// document's data tree and --root directories and up to limit bytes, as
// package confine reads every file.
func (d *Doc) ReadFile(path string, limit int64) ([]byte, error) {
	return confine.ReadFile(d.in.Roots, path, limit)
}

// Walk lists the data files under paths, leaving out the build's output
// directory out ("" for none) and, unless the pipeline was configured to
// include them, hidden files and folders; skipped says what was left out
// and why, for a notice (see load.Walk).
func (p *Pipeline) Walk(paths []string, out string) (files []string, skipped []load.Skipped, err error) {
	return load.Walk(paths, load.WalkOptions{Out: out, IncludeHidden: p.includeHidden})
}

// SkippedNotes are the notices of what a walk of paths leaves out, one
// line each.
func (p *Pipeline) SkippedNotes(paths []string, out string) []string {
	_, skipped, err := p.Walk(paths, out)
	if err != nil {
		return nil
	}
	notes := make([]string, len(skipped))
	for i, s := range skipped {
		notes[i] = "skipped " + s.String()
	}
	return notes
}
