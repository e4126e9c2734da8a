// Package style is the style profile that the PDF and DOCX renderers share,
// so that both formats come out of one set of measurements and look alike.
//
// All lengths are in millimetres and all font sizes in points. A Profile is
// a plain value: the renderers read it and never change it.
package style

// Profile is the look of a document: page, type and colours.
type Profile struct {
	Name string // identifies the profile in the build manifest

	PageWidth, PageHeight                            float64 // A4: 210 × 297
	MarginTop, MarginBottom, MarginLeft, MarginRight float64
	HeaderTop                                        float64 // distance from the page's top edge to the header's first line
	FooterBottom                                     float64 // distance from the page's bottom edge to the footer's last line

	FontFamily string // "Liberation Sans": metric-compatible with Arial
	// Fonts are the organisation's own font files for FontFamily (the
	// profile's typsnitt:); nil for Liberation Sans, which is built in.
	Fonts      *Fonts
	BodySize   float64 // running text
	LineHeight float64 // line height as a multiple of the font size

	TitleSize    float64    // level 0 heading: the document's title
	HeadingSizes [3]float64 // levels 1, 2, 3
	HeaderSize   float64    // running header
	FooterSize   float64    // running footer
	TableSize    float64    // table cells
	SmallSize    float64    // captions and fine print

	ParagraphSpacing   float64 // space after a paragraph
	HeadingSpaceBefore float64
	HeadingSpaceAfter  float64
	ListIndent         float64 // indent per list level
	CellPadding        float64

	TextColor    RGB
	HeadingColor RGB
	GridColor    RGB // table grid: light, prints well in black and white
	GridWidth    float64
	HeaderFill   RGB // table header row background
	LinkColor    RGB
	StatusColors [3]RGB // grön, gul, röd
}

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// Hex returns the colour as six hex digits, as DOCX writes it.
func (c RGB) Hex() string {
	const digits = "0123456789ABCDEF"
	return string([]byte{
		digits[c.R>>4], digits[c.R&15],
		digits[c.G>>4], digits[c.G&15],
		digits[c.B>>4], digits[c.B&15],
	})
}

// TextWidth is the width between the side margins.
func (p *Profile) TextWidth() float64 { return p.PageWidth - p.MarginLeft - p.MarginRight }

// Default is the profile of Swedish regional committee papers: A4, Arial's
// metrics at 11 pt, ragged right, headings bold and a size or two larger.
func Default() Profile {
	return Profile{
		Name:      "standard-1",
		PageWidth: 210, PageHeight: 297,
		MarginTop: 32, MarginBottom: 25, MarginLeft: 25, MarginRight: 25,
		HeaderTop: 10, FooterBottom: 10,
		FontFamily:         "Liberation Sans",
		BodySize:           11,
		LineHeight:         1.2,
		TitleSize:          16,
		HeadingSizes:       [3]float64{14, 12, 11},
		HeaderSize:         9,
		FooterSize:         8,
		TableSize:          10,
		SmallSize:          9,
		ParagraphSpacing:   2.5,
		HeadingSpaceBefore: 5,
		HeadingSpaceAfter:  2,
		ListIndent:         6,
		CellPadding:        1.5,
		TextColor:          RGB{0, 0, 0},
		HeadingColor:       RGB{0, 0, 0},
		GridColor:          RGB{150, 150, 150},
		GridWidth:          0.2,
		HeaderFill:         RGB{235, 235, 235},
		LinkColor:          RGB{0, 70, 140},
		StatusColors:       [3]RGB{{0, 135, 60}, {230, 170, 0}, {200, 30, 30}},
	}
}

// Fonts are the TrueType or OpenType (TrueType outlines) files of one
// family: the regular face, and the bold, italic and bold italic faces,
// each nil when the family has none (the regular face stands in).
type Fonts struct {
	Regular, Bold, Italic, BoldItalic []byte
}
