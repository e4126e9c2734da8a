package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/pipeline"
	"github.com/underlag/underlag/generator/style"
)

// plain is a plain-text renderer that lives only in this test: a table of
// block functions (doc.Funcs), one per kind, and a walk in document order
// (doc.Walk). It is what a new format is made of.
type plain struct {
	funcs doc.Funcs[func(w *strings.Builder, b doc.Block)]
}

func newPlain() *plain {
	r := &plain{}
	line := func(w *strings.Builder, runs []doc.Inline) { w.WriteString(doc.Plain(runs) + "\n") }
	r.funcs.Register(doc.KindHeading, func(w *strings.Builder, b doc.Block) {
		h := b.(*doc.Heading)
		w.WriteString(strings.ToUpper(doc.HeadingText(h)) + "\n")
	})
	r.funcs.Register(doc.KindParagraph, func(w *strings.Builder, b doc.Block) { line(w, b.(*doc.Paragraph).Text) })
	r.funcs.Register(doc.KindStatus, func(w *strings.Builder, b doc.Block) { line(w, b.(*doc.Status).Line) })
	r.funcs.Register(doc.KindImage, func(w *strings.Builder, b doc.Block) { w.WriteString("[" + b.(*doc.Image).Alt + "]\n") })
	r.funcs.Register(doc.KindTimeline, func(w *strings.Builder, b doc.Block) { w.WriteString("[" + b.(*doc.Timeline).Alt + "]\n") })
	r.funcs.Register(doc.KindPageBreak, func(w *strings.Builder, _ doc.Block) { w.WriteString("\f") })
	// Containers draw nothing of their own: the walk enters their blocks.
	r.funcs.Register(doc.KindList, func(*strings.Builder, doc.Block) {})
	r.funcs.Register(doc.KindTable, func(*strings.Builder, doc.Block) {})
	r.funcs.Register(doc.KindSignatures, func(w *strings.Builder, b doc.Block) {
		s := b.(*doc.Signatures)
		if text, _ := s.PlaceDateText(); s.PlaceDate && text != "" {
			w.WriteString(text + "\n")
		}
		for i := range s.Signers {
			w.WriteString("______ " + s.Caption(&s.Signers[i]) + "\n")
		}
	})
	return r
}

func (r *plain) Render(w io.Writer, d *doc.Document) error {
	var b strings.Builder
	err := doc.Walk(d.Blocks, func(bl doc.Block, entering bool) (doc.WalkStatus, error) {
		if !entering {
			return doc.WalkContinue, nil
		}
		f, err := r.funcs.Func(bl)
		if err != nil {
			return doc.WalkStop, err
		}
		f(&b, bl)
		return doc.WalkContinue, nil
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// TestPlainTextFormat adds a format by one entry in the table of formats
// and its renderer's block functions, and nothing else: render -o x.txt
// then writes it, every document of the example data renders in it, and
// build --to txt builds the example data.
func TestPlainTextFormat(t *testing.T) {
	t.Parallel()
	r := newPlain()
	require.Empty(t, r.funcs.Missing(), "the test format draws every kind of block")
	table, err := pipeline.DefaultTable().Register(pipeline.Format{
		Name: "txt", Aliases: []string{"text"}, Ext: ".txt", MediaType: "text/plain",
		New: func(pipeline.Config, style.Profile) (doc.Renderer, error) { return r, nil },
	})
	require.NoError(t, err)
	_, err = table.Register(pipeline.Format{Name: "text", Ext: ".text", New: table[0].New})
	assert.ErrorContains(t, err, `the name "text" is txt's`, "a name is one format's")

	p, err := pipeline.New(pipeline.Config{Formats: []pipeline.Format{}})
	require.NoError(t, err)
	files, err := p.Find([]string{"../../data"})
	require.NoError(t, err)
	dir := t.TempDir()
	built := 0
	for _, file := range files {
		if p.Registry(file) {
			continue
		}
		dst := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+".txt")
		var out, errOut bytes.Buffer
		a := newApp(strings.NewReader(""), &out, &errOut)
		a.getenv = func(string) string { return "" }
		a.formats = table
		code := runApp(context.Background(), a, []string{"render", file, "-o", dst})
		require.Equal(t, 0, code, "%s: %s", file, errOut.String())
		text, err := os.ReadFile(dst)
		require.NoError(t, err)
		d, _ := p.Load(file)
		require.NotNil(t, d, file)
		tree, _ := p.Compose(d)
		require.NotNil(t, tree, file)
		var first string
		for _, b := range tree.Blocks {
			if h, ok := b.(*doc.Heading); ok {
				first = strings.ToUpper(doc.HeadingText(h))
				break
			}
		}
		assert.True(t, first != "" && bytes.HasPrefix(text, []byte(first)), "%s starts with its first heading %q:\n%s", file, first, text)
		built++
	}
	assert.Positive(t, built, "the example data has documents")

	// build --to txt writes the same documents, through the batch build.
	out := filepath.Join(dir, "build")
	var bout, berr bytes.Buffer
	a := newApp(strings.NewReader(""), &bout, &berr)
	a.getenv = func(string) string { return "" }
	a.formats = table
	code := runApp(context.Background(), a, []string{"build", "../../data", "--to", "txt", "--out", out, "--quiet"})
	require.Equal(t, 0, code, berr.String())
	var txts []string
	require.NoError(t, filepath.WalkDir(out, func(path string, _ os.DirEntry, err error) error {
		// A meeting's protocol and extracts are documents beside its own
		// (named <meeting>-protokoll…); the test counts sources.
		if err == nil && filepath.Ext(path) == ".txt" && !strings.Contains(filepath.Base(path), "-protokoll") {
			txts = append(txts, path)
		}
		return err
	}))
	assert.Len(t, txts, built, "build --to txt writes one text file a document: %v", txts)

	// The messages that list formats come from the table.
	var mout, errOut bytes.Buffer
	a = newApp(strings.NewReader(""), &mout, &errOut)
	a.formats = table
	code = runApp(context.Background(), a, []string{"render", files[0], "-o", filepath.Join(dir, "x.fax")})
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut.String(), fmt.Sprintf("name it %s", table.Patterns()))
	assert.Contains(t, errOut.String(), "*.txt")
}
