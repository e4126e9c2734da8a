package batch

import (
	"fmt"
	"io"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
)

// fake is a Pipeline that loads with the real loader and checks, which
// are fast, and composes and renders on its own: a small document of the
// title and the source's bytes. It counts calls and fails on purpose.
type fake struct {
	*pipeline.Pipeline
	loads, renders atomic.Int64
	fingerprint    string
	failDOCX       string // a title whose DOCX fails to render
	// onRender, when set, is called before each render, with how many
	// renders there were before it.
	onRender func(n int64)
}

func newFake(t testing.TB) *fake {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{Version: "test", Formats: []pipeline.Format{}})
	require.NoError(t, err)
	return &fake{Pipeline: p, fingerprint: "test"}
}

func (f *fake) Formats() []pipeline.Format { return pipeline.Formats() }

func (f *fake) Fingerprint() string { return f.fingerprint }

func (f *fake) Load(path string) (*pipeline.Doc, diag.List) {
	f.loads.Add(1)
	return f.Pipeline.Load(path)
}

func (f *fake) Compose(d *pipeline.Doc) (*doc.Document, diag.List) {
	c := d.Model().Base()
	var ds diag.List
	switch c.Title {
	case "PANIC":
		panic("a renderer met input no test foresaw")
	case "FAIL":
		ds.Add(diag.Diagnostic{File: c.Source.Path, Line: 3, Col: 8, Path: "titel", Msg: "compose refused"})
		return nil, ds
	case "":
		ds.Add(diag.Diagnostic{File: c.Source.Path, Path: "titel", Msg: "no title", Severity: diag.Warning})
	}
	out := &doc.Document{Meta: doc.Meta{Title: c.Title, CaseNumber: c.CaseNumber.String()}}
	out.Blocks = append(out.Blocks, &doc.Paragraph{Text: []doc.Inline{doc.Text(string(c.Source.Data))}})
	return out, ds
}

func (f *fake) Render(w io.Writer, format string, t *doc.Document) (int, error) {
	n := f.renders.Add(1)
	if f.onRender != nil {
		f.onRender(n - 1)
	}
	if format == "docx" && f.failDOCX != "" && t.Meta.Title == f.failDOCX {
		return 0, fmt.Errorf("cannot render %q", t.Meta.Title)
	}
	fmt.Fprintf(w, "%s %s\n", format, t.Meta.Title)
	for _, b := range t.Blocks {
		if p, ok := b.(*doc.Paragraph); ok {
			io.WriteString(w, doc.Plain(p.Text))
		}
	}
	return 1 + len(t.Blocks), nil
}
