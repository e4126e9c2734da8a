package docx

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/docx/wordpkg"
	"github.com/underlag/underlag/generator/style"
)

// ProfileFrom returns base with what an organisation's reference Word
// document says of its look: the body's and the headings' sizes and
// colours, the space after a paragraph and the page setup, so that the PDF
// takes them too and the two formats still look alike. A font the PDF
// cannot embed (any but Liberation Sans and its metric twins Arial and
// Helvetica) is not taken: the PDF stays in Liberation Sans, and the notes
// say so in one line.
func ProfileFrom(file string, base style.Profile) (style.Profile, []string, error) {
	data, err := confine.ReadFile(confine.Dir(file), file, MaxReference)
	if err != nil {
		return base, nil, err
	}
	pkg, err := wordpkg.ReadPackage(data)
	if err != nil {
		return base, nil, err
	}
	main, err := pkg.MainPart()
	if err != nil {
		return base, nil, err
	}
	rels, err := pkg.Rels(main)
	if err != nil {
		return base, nil, err
	}
	p := base
	p.Name = base.Name + "+reference"
	var notes []string
	if setup, found, err := wordpkg.PageSetup(pkg.Parts[main]); err == nil && found && setup.PageWidth > 0 && setup.PageHeight > 0 {
		const twip = 25.4 / 1440 // a twentieth of a point, in mm
		p.PageWidth, p.PageHeight = float64(setup.PageWidth)*twip, float64(setup.PageHeight)*twip
	}
	var stylesData []byte
	for _, rl := range rels {
		if rl.Type == wordpkg.RelStyles {
			stylesData = pkg.Parts[rl.Target]
		}
	}
	if stylesData == nil {
		return p, notes, nil
	}
	looks, defaults, err := readLooks(stylesData)
	if err != nil {
		return base, nil, err
	}
	normal := looks["normal"].over(defaults)
	if normal.size > 0 {
		p.BodySize = normal.size
	}
	if normal.color != nil {
		p.TextColor = *normal.color
	}
	if normal.after >= 0 {
		p.ParagraphSpacing = normal.after
	}
	for i, name := range []string{"heading 1", "heading 2", "heading 3"} {
		h := looks[name].over(normal)
		if h.size > 0 {
			p.HeadingSizes[i] = h.size
		}
		if i == 0 && h.color != nil {
			p.HeadingColor = *h.color
		}
	}
	if t := looks["title"].over(normal); t.size > 0 {
		p.TitleSize = t.size
	}
	fonts := map[string]bool{}
	for _, name := range []string{"normal", "heading 1", "heading 2", "heading 3", "title"} {
		if f := looks[name].over(defaults).font; f != "" && !embeddable(f) {
			fonts[f] = true
		}
	}
	for f := range fonts {
		notes = append(notes, fmt.Sprintf("the reference document's font %s is not one the PDF can embed; the PDF uses Liberation Sans (the DOCX keeps %s)", f, f))
	}
	return p, notes, nil
}

// embeddable reports whether the PDF draws a font family as it is:
// Liberation Sans, and the fonts it is metric-compatible with.
func embeddable(family string) bool {
	switch strings.ToLower(strings.TrimSpace(family)) {
	case "liberation sans", "arial", "helvetica":
		return true
	}
	return false
}

// look is what a style sets of the run and paragraph: a size in points, a
// colour, a font and the space after a paragraph in mm; zero, nil, "" and
// -1 for what it leaves to its base.
type look struct {
	size  float64
	color *style.RGB
	font  string
	after float64
}

// over fills what l leaves unset from base.
func (l look) over(base look) look {
	if l.size == 0 {
		l.size = base.size
	}
	if l.color == nil {
		l.color = base.color
	}
	if l.font == "" {
		l.font = base.font
	}
	if l.after < 0 {
		l.after = base.after
	}
	return l
}

// readLooks reads the styles part: each style's look by its name (lower
// case: "normal", "heading 1"), and the document defaults.
func readLooks(data []byte) (map[string]look, look, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	looks := map[string]look{}
	defaults := look{after: -1}
	var cur *look
	var name string
	inDefaults := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, look{}, fmt.Errorf("styles: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefaults, cur = true, &defaults
			case "style":
				cur, name = &look{after: -1}, ""
			case "name":
				name = strings.ToLower(attr(t, "val"))
			case "sz":
				if v, err := strconv.Atoi(attr(t, "val")); err == nil && cur != nil {
					cur.size = float64(v) / 2
				}
			case "color":
				if v := attr(t, "val"); len(v) == 6 && cur != nil {
					if b, err := hex.DecodeString(v); err == nil {
						cur.color = &style.RGB{R: b[0], G: b[1], B: b[2]}
					}
				}
			case "rFonts":
				if cur != nil {
					cur.font = attr(t, "ascii")
				}
			case "spacing":
				if v, err := strconv.Atoi(attr(t, "after")); err == nil && cur != nil {
					cur.after = float64(v) * 25.4 / 1440
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "docDefaults":
				inDefaults, cur = false, nil
			case "style":
				if cur != nil && name != "" && !inDefaults {
					looks[name] = *cur
				}
				cur = nil
			}
		}
	}
	return looks, defaults, nil
}

// attr is an attribute's value by its local name.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// MaxReference is the largest reference document read: a Word template
// with its styles, theme and a logo is well below a megabyte.
const MaxReference = 32 << 20
