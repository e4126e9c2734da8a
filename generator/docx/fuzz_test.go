package docx

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

// FuzzDOCX writes arbitrary text in every kind of place: nothing may
// panic, the package must be a zip that opens, and the output must be the
// same twice (issue 23). `go test` runs the seeds.
func FuzzDOCX(f *testing.F) {
	for _, s := range []string{"", " ", "\n\n", "a\tb\r\nc", "<w:t>&amp;</w:t> ]]> \"'", "ŋŧđ 🙂 \u200b\uf0b7 \ufffe\uffff \x00\x01\x1b", "Literal | # * {{ (x) \\"} {
		f.Add(s, uint8(0))
	}
	r, err := New(style.Default())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		run := doc.Inline{Text: s, Style: doc.Style(style) & (doc.Bold | doc.Italic | doc.Code), Link: s}
		para := &doc.Paragraph{Text: []doc.Inline{run, {Break: true}, run}}
		d := &doc.Document{Meta: doc.Meta{Title: s, Language: s, Keywords: []string{s}, Footer: []doc.Line{{run}},
			Header: doc.Header{Left: []doc.Line{{run}}, Right: []doc.Line{{{Field: doc.PageField}}, {run}}}},
			Blocks: []doc.Block{
				&doc.Heading{Level: 1 + int(style%6), Text: []doc.Inline{run}, Number: s},
				para,
				&doc.List{Items: []doc.ListItem{{Blocks: []doc.Block{para}}}},
				&doc.Table{Header: []doc.Row{{Cells: []doc.Cell{doc.TextCell(s)}}}, Rows: []doc.Row{{Cells: []doc.Cell{{Blocks: []doc.Block{para}}, doc.TextCell(s)}}}, Caption: s},
				doc.DefinitionTable(s, "", []doc.Definition{{Term: s, Definition: []doc.Inline{run}}}),
				&doc.Status{Level: doc.StatusLevel(style % 5), Word: s, Line: []doc.Inline{run}},
				&doc.Signatures{Signers: []doc.Signer{{Role: s, Name: s, Title: s, Date: s, Place: s, ShowPlace: true}}},
			}}
		var a, b bytes.Buffer
		if err := r.Render(&a, d); err != nil {
			return // refused: an error, not a panic
		}
		if err := r.Render(&b, d); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("the second render differs (%v)", err)
		}
		if _, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len())); err != nil {
			t.Fatalf("not a zip: %v", err)
		}
	})
}
