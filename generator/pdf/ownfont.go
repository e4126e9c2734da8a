package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/pdf/sfnt"
	"github.com/underlag/underlag/generator/style"
)

// An organisation's own typeface (the profile's typsnitt:) replaces
// Liberation Sans in the four text faces; code stays in Liberation Mono.
// The font's licence must allow embedding: the OS/2 table's fsType says
// so, and a font marked "restricted licence" or "bitmap embedding only" is
// refused with the reason, never embedded against its licence.

// ownFaces prepares the family's faces into faces: a face the family lacks
// is drawn with its regular face.
func ownFaces(faces *[numFaces]*face, family string, f *style.Fonts, z *bestZ) error {
	if len(f.Regular) == 0 {
		return fmt.Errorf("pdf: font %s: no regular face", family)
	}
	ps := strings.ReplaceAll(family, " ", "")
	for i, src := range [4]struct {
		name string
		ttf  []byte
	}{
		faceRegular:    {ps, f.Regular},
		faceBold:       {ps + "-Bold", f.Bold},
		faceItalic:     {ps + "-Italic", f.Italic},
		faceBoldItalic: {ps + "-BoldItalic", f.BoldItalic},
	} {
		ttf, from := src.ttf, i
		if len(ttf) == 0 {
			ttf, from = f.Regular, faceRegular
		}
		if err := Embeddable(ttf); err != nil {
			return &FaceError{Bold: from&faceBold != 0, Italic: from&faceItalic != 0, Err: fmt.Errorf("pdf: font %s: %w", src.name, err)}
		}
		fc, err := prepareOwnFace(src.name, ttf, z)
		if err != nil {
			return &FaceError{Bold: from&faceBold != 0, Italic: from&faceItalic != 0, Err: fmt.Errorf("pdf: font %s: %w", src.name, err)}
		}
		standIn(fc)
		faces[i] = fc
	}
	return nil
}

// FaceError is a face of the organisation's typeface that cannot be used,
// named by its style, so that the caller can point at the file.
type FaceError struct {
	Bold, Italic bool
	Err          error
}

func (e *FaceError) Error() string { return e.Err.Error() }
func (e *FaceError) Unwrap() error { return e.Err }

// prepareOwnFace is prepareFace for a font the organisation gives, whose
// damage (Embeddable has checked only what package sfnt reads) is its
// input's error: the cutter checks every offset it follows and fails
// where go-pdf/fpdf's cutter would panic, or, on a composite glyph that
// contains itself, recurse until the process dies (sfnt.Cut).
func prepareOwnFace(name string, ttf []byte, z *bestZ) (*face, error) {
	f, err := prepareFace(name, ttf, z)
	if err != nil {
		return nil, fmt.Errorf("the font file is damaged (%v); export it again from the original, or ask its vendor for a new copy", err)
	}
	return f, nil
}

// stand-ins are characters a font often leaves out of its character map
// that the layout still draws: the soft hyphen at a hyphenation point, the
// no-break and narrow spaces. Carlito, for one, maps neither U+00AD nor
// U+00A0. They are drawn with the hyphen and the space.
var standIns = map[rune]rune{0x00AD: '-', 0x00A0: ' ', 0x2007: ' ', 0x2009: ' ', 0x202F: ' ', 0x2011: '-'}

// StandsIn reports whether r is drawn with another character when the
// font lacks it (so that the data check need not report it).
func StandsIn(r rune) bool { _, ok := standIns[r]; return ok }

func standIn(f *face) {
	for r, with := range standIns {
		if f.gid.get(r) == 0 {
			f.gid.set(r, f.glyph(with))
		}
	}
}

// Embeddable reports why a TrueType font may not be embedded in a PDF, by
// its OS/2 fsType bits, or nil when it may: installable (0), editable (8)
// and preview-and-print (4) allow embedding; restricted licence (2) and
// bitmap embedding only (0x200) do not. A font without outlines that
// this renderer reads (CFF-based OpenType) is refused too.
func Embeddable(ttf []byte) error {
	if bytes.HasPrefix(ttf, []byte("OTTO")) {
		return fmt.Errorf("the font has no TrueType outlines (glyf): OpenType fonts with CFF outlines are not supported; use the family's TTF files, or convert the OTF to TrueType outlines")
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return fmt.Errorf("not a TrueType font this renderer can read: %w", err)
	}
	os2 := f.Tables["OS/2"]
	if len(os2) < 10 {
		return nil // no OS/2 table: no restriction stated
	}
	fsType := u16(os2, 8)
	switch {
	case fsType&0x000F == 0x0002:
		return fmt.Errorf("its licence forbids embedding it in a document (OS/2 fsType %#04x: restricted licence); ask the font's vendor for a licence that allows embedding, or name another font", fsType)
	case fsType&0x0200 != 0:
		return fmt.Errorf("its licence allows only bitmaps of it to be embedded (OS/2 fsType %#04x), which a PDF/A cannot use; name another font", fsType)
	}
	return nil
}

// Has reports whether the regular face of ttf has a glyph for each rune,
// for the data check: a character the organisation's font lacks is
// reported where it stands, as one Liberation Sans lacks is.
func Has(ttf []byte) (func(rune) bool, error) {
	gid, err := sfnt.CmapOf(ttf, 0xFFFF) // format 4 maps the BMP only
	if err != nil {
		return nil, err
	}
	return func(r rune) bool { return StandsIn(r) || r >= 0 && int(r) < len(gid) && gid[r] != 0 }, nil
}
