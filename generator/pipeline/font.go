package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/underlag/underlag/generator/check"

	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/pdf"
	"github.com/underlag/underlag/generator/style"
)

// ownFont is the organisation's typeface as the pipeline uses it: in the
// style profile (the PDF embeds it, the DOCX names it) and in the glyph
// check (has).
type ownFont struct {
	family string
	has    func(rune) bool
	sum    string // SHA-256 of every face, for the fingerprint
}

func (f *ownFont) hash() string {
	if f == nil {
		return ""
	}
	return f.sum
}

// repertoire is what format f can draw: the PDF in the organisation's
// typeface draws what the typeface has glyphs for, within what the PDF can
// draw at all; any other format draws what it draws without the font.
// The glyph check of data, registries and templates follows it.
func (o *ownFont) repertoire(f Format) check.Repertoire {
	if o == nil || f.Name != "pdf" {
		return f.Draws
	}
	return fontRepertoire{base: f.Draws, font: o}
}

type fontRepertoire struct {
	base check.Repertoire
	font *ownFont
}

// Covers leaves control characters to the base repertoire, as the check
// reports them on its own.
func (r fontRepertoire) Covers(c rune) bool {
	return r.base.Covers(c) && (c < 0x20 || r.font.has(c))
}

func (r fontRepertoire) Refusal(c rune) string {
	if !r.base.Covers(c) {
		return r.base.Refusal(c)
	}
	return fmt.Sprintf("cannot be drawn in the PDF: the organisation's font %s has no glyph for it; write another character, or name a font that has it (typsnitt: in organisation.yaml)", r.font.family)
}

// useFont puts f into prof: its family name for both formats and its
// files for the PDF, after checking that each face may be embedded.
func useFont(prof *style.Profile, f *load.Font) (*ownFont, error) {
	if f == nil {
		return nil, nil
	}
	if f.Name == "" {
		return nil, fmt.Errorf("typsnitt: the font needs a name (namn:), as Word knows it")
	}
	h := sha256.New()
	for _, face := range []struct {
		key  string
		data []byte
	}{{"normal", f.Regular}, {"fet", f.Bold}, {"kursiv", f.Italic}, {"fet_kursiv", f.BoldItalic}} {
		if face.data == nil {
			continue
		}
		if err := pdf.Embeddable(face.data); err != nil {
			return nil, &FontError{Key: "typsnitt." + face.key, Err: fmt.Errorf("the font %s (%s) cannot be embedded in the PDF: %w", f.Name, face.key, err)}
		}
		h.Write(face.data)
	}
	has, err := pdf.Has(f.Regular)
	if err != nil {
		return nil, &FontError{Key: "typsnitt.normal", Err: fmt.Errorf("the font %s: %w", f.Name, err)}
	}
	prof.FontFamily = f.Name
	prof.Fonts = &style.Fonts{Regular: f.Regular, Bold: f.Bold, Italic: f.Italic, BoldItalic: f.BoldItalic}
	return &ownFont{family: f.Name, has: has, sum: hex.EncodeToString(h.Sum(nil))}, nil
}

// ownFontError is err as a FontError at the typsnitt: key of the face
// the PDF renderer could not prepare (a damaged file), or err itself.
func ownFontError(err error) error {
	var fe *pdf.FaceError
	if !errors.As(err, &fe) {
		return err
	}
	key := "typsnitt.normal"
	switch {
	case fe.Bold && fe.Italic:
		key = "typsnitt.fet_kursiv"
	case fe.Bold:
		key = "typsnitt.fet"
	case fe.Italic:
		key = "typsnitt.kursiv"
	}
	return &FontError{Key: key, Err: fe.Err}
}

// FontError is a font the profile names that cannot be used, with the key
// of typsnitt: that names it, so that the command can show the line.
type FontError struct {
	Key string
	Err error
}

func (e *FontError) Error() string { return e.Err.Error() }
func (e *FontError) Unwrap() error { return e.Err }
