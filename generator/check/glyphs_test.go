package check_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
	"github.com/underlag/underlag/generator/pdf/coverage"
)

// TestGlyphs puts each class of character into a memo's text: what the
// PDF draws passes, what it cannot draw is an error for PDF output at the
// character's own line and column, and control characters are an error
// whatever the output.
func TestGlyphs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text string // text is a YAML scalar after "idé: "
		pdf, docx  []string
	}{
		{name: "Swedish and Sami", text: "Åsa och Ánde, á č đ ŋ š ŧ ž"},
		{name: "Greek and Cyrillic", text: "α β γ, Ukrainian ґ Ґ ї"},
		{name: "combining cedilla", text: "Z̧ och Ş"},
		{name: "sub- and superscripts", text: "H₂O och 10⁶ m³"},
		{name: "soft hyphen", text: "Primär\u00advårds\u00adutveckling"},
		{name: "zero-width joiners", text: "a\u200db\u200cc"},
		{
			name: "CJK", text: "Text med 中文 i",
			pdf: []string{
				"doc.yaml:4:15: idé: U+4E2D 中 (CJK) cannot be drawn in the PDF: the PDF's fonts have no glyph for it; use the DOCX, or leave it out",
				"doc.yaml:4:16: idé: U+6587 文 (CJK) cannot be drawn in the PDF: the PDF's fonts have no glyph for it; use the DOCX, or leave it out",
			},
		},
		{
			name: "Arabic", text: "Ord سلام",
			pdf: []string{"doc.yaml:4:10: idé: U+0633 س (Arabic) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF",
				"doc.yaml:4:11: idé: U+0644 ل (Arabic) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF",
				"doc.yaml:4:12: idé: U+0627 ا (Arabic) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF",
				"doc.yaml:4:13: idé: U+0645 م (Arabic) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF"},
		},
		{
			name: "Hebrew", text: "Ord שׁ",
			pdf: []string{"doc.yaml:4:10: idé: U+05E9 ש (Hebrew) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF",
				"doc.yaml:4:11: idé: U+05C1 \u05c1 (Hebrew) cannot be drawn in the PDF: right-to-left text is not laid out in the PDF yet; write it out in the DOCX, or leave it out of the PDF"},
		},
		{
			name: "emoji", text: "Klart 🙂",
			pdf: []string{"doc.yaml:4:12: idé: U+1F642 🙂 (emoji) cannot be drawn in the PDF: the PDF's fonts have no emoji; write the word instead"},
		},
		{
			name: "control characters", text: `"nul\0 bel\a esc\e"`,
			pdf: []string{
				"doc.yaml:4:6: idé: U+0000 (control character) in the text: remove it; it is invisible and no output can show it",
				"doc.yaml:4:6: idé: U+0007 (control character) in the text: remove it; it is invisible and no output can show it",
				"doc.yaml:4:6: idé: U+001B (control character) in the text: remove it; it is invisible and no output can show it",
			},
			docx: []string{
				"doc.yaml:4:6: idé: U+0000 (control character) in the text: remove it; it is invisible and no output can show it",
				"doc.yaml:4:6: idé: U+0007 (control character) in the text: remove it; it is invisible and no output can show it",
				"doc.yaml:4:6: idé: U+001B (control character) in the text: remove it; it is invisible and no output can show it",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, diags := load.Bytes("doc.yaml", []byte(dirHead+"idé: "+tc.text+"\n"))
			require.Empty(t, diags)
			assert.Equal(t, tc.pdf, lines(check.Glyphs(v.(model.Document), coverage.PDF{})), "for PDF")
			assert.Equal(t, tc.docx, lines(check.Glyphs(v.(model.Document))), "for DOCX only")
		})
	}
}
