package wordpkg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/gomutex/godocx/packager"
)

// Package is the parts of an existing .docx, read once, such as an
// organisation's reference template.
type Package struct {
	Parts map[string][]byte
}

// ReadPackage reads all parts of a .docx. It uses godocx's zip reader:
// this runs once per build, so its cost does not matter.
func ReadPackage(data []byte) (*Package, error) {
	parts, err := packager.ReadFromZip(&data)
	if err != nil {
		return nil, fmt.Errorf("read package: %w", err)
	}
	return &Package{Parts: parts}, nil
}

// Relationship is one entry of a .rels part.
type Relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// Rels returns the relationships of a part ("word/document.xml"), with
// targets resolved to part names inside the package. A part without a
// .rels part has none; part "" is the package itself.
func (p *Package) Rels(part string) ([]Relationship, error) {
	relsName := "_rels/.rels"
	if part != "" {
		relsName = path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
	}
	data, ok := p.Parts[relsName]
	if !ok {
		return nil, nil
	}
	var v struct {
		Rels []Relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("read %s: %w", relsName, err)
	}
	for i := range v.Rels {
		r := &v.Rels[i]
		if r.TargetMode != "External" {
			if strings.HasPrefix(r.Target, "/") {
				r.Target = strings.TrimPrefix(r.Target, "/")
			} else {
				r.Target = path.Join(path.Dir(part), r.Target)
			}
		}
	}
	return v.Rels, nil
}

// MainPart is the name of the main document part, from the package's
// root relationships.
func (p *Package) MainPart() (string, error) {
	rels, err := p.Rels("")
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.Type == RelOfficeDocument {
			return r.Target, nil
		}
	}
	return "", errors.New("package has no main document part")
}

// StyleInfo is what a styles part says about one style.
type StyleInfo struct {
	ID, Name, Type string
}

// Styles lists the styles of a styles part and returns the offset of its
// closing </w:styles> tag, where more styles can be added.
func Styles(data []byte) ([]StyleInfo, int, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []StyleInfo
	depth, end := 0, -1
	var cur *StyleInfo
	for {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("styles: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && t.Name.Local == "style":
				out = append(out, StyleInfo{ID: attr(t, "styleId"), Type: attr(t, "type")})
				cur = &out[len(out)-1]
			case depth == 3 && t.Name.Local == "name" && cur != nil:
				cur.Name = attr(t, "val")
			}
		case xml.EndElement:
			if depth == 1 && t.Name.Local == "styles" {
				end = off
			}
			if depth == 2 {
				cur = nil
			}
			depth--
		}
	}
	if end < 0 {
		return nil, 0, errors.New("styles: no w:styles element")
	}
	return out, end, nil
}

// Setup is the page setup of a document's last section and its default
// header and footer relationship IDs.
type Setup struct {
	Section
	HeaderID, FooterID string
}

// PageSetup reads the body's final section properties of a document part.
func PageSetup(document []byte) (Setup, bool, error) {
	d := xml.NewDecoder(bytes.NewReader(document))
	var s Setup
	found, inSect := false, 0
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, false, fmt.Errorf("document: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			// The body's own sectPr is a child of w:body (depth 3).
			if t.Name.Local == "sectPr" && depth == 3 {
				s, found, inSect = Setup{}, true, depth
				continue
			}
			if inSect == 0 {
				continue
			}
			switch t.Name.Local {
			case "pgSz":
				s.PageWidth, s.PageHeight = intAttr(t, "w"), intAttr(t, "h")
				s.Landscape = attr(t, "orient") == "landscape"
			case "pgMar":
				s.Top, s.Bottom = intAttr(t, "top"), intAttr(t, "bottom")
				s.Left, s.Right = intAttr(t, "left"), intAttr(t, "right")
				s.Header, s.Footer, s.Gutter = intAttr(t, "header"), intAttr(t, "footer"), intAttr(t, "gutter")
			case "headerReference":
				if typ := attr(t, "type"); typ == "default" || typ == "" {
					s.HeaderID = attr(t, "id")
				}
			case "footerReference":
				if typ := attr(t, "type"); typ == "default" || typ == "" {
					s.FooterID = attr(t, "id")
				}
			}
		case xml.EndElement:
			if depth == inSect {
				inSect = 0
			}
			depth--
		}
	}
	return s, found, nil
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func intAttr(t xml.StartElement, local string) int {
	n, _ := strconv.Atoi(attr(t, local))
	return n
}
