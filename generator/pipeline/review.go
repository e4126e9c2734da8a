package pipeline

import (
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/lint"
	"github.com/underlag/underlag/generator/load"
)

// review keeps the findings the pipeline reports: all of them for lint
// and validate, all but the notes of severity info for a build, whose
// report has no place for them.
func (p *Pipeline) review(l diag.List) diag.List {
	if p.info {
		return l
	}
	out := l[:0:0]
	for _, d := range l {
		if d.Severity != diag.Info {
			out = append(out, d)
		}
	}
	return out
}

// ValidateTree validates files as ValidateAll does, then runs the review
// rules that compare documents with each other (a memo's decision basis
// against the titles of the documents it names) over those that loaded.
// It returns every diagnostic once, sorted.
func (p *Pipeline) ValidateTree(files []string, jobs int) diag.List {
	results := make([]diag.List, len(files))
	// What the comparing rules need of each document, without its texts:
	// validate keeps no whole document once it is checked.
	slim := make([]load.Input, len(files))
	Parallel(len(files), jobs, func(i int) {
		d, diags := p.Load(files[i])
		if d != nil {
			_, cd := p.Compose(d)
			diags = append(diags, cd...)
			slim[i] = lint.Slim(d.in)
		}
		results[i] = diags
	})
	var ins []load.Input
	for _, in := range slim {
		if in.Doc != nil {
			ins = append(ins, in)
		}
	}
	results = append(results, p.review(p.lint.Tree(ins)))
	return Unique(results...)
}
