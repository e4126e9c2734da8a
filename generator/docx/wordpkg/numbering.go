package wordpkg

// Level is one level of a numbering definition.
type Level struct {
	Format  string // w:numFmt: "decimal", "bullet", "lowerLetter"
	Text    string // w:lvlText: "%1.", "%1.%2.", "•"
	Start   int    // first number; 0 means 1
	PStyle  string // paragraph style linked to the level, for heading numbering
	Indent  int    // left indent of the text, twips
	Hanging int    // how far the number hangs left of the text, twips
	Font    string // font of the number or bullet; empty to follow the paragraph
	Suffix  string // what follows the number: "" (a tab), "space", "nothing"
}

// AbstractNum is a numbering definition (w:abstractNum): how each level
// of a list or of the headings is numbered.
type AbstractNum struct {
	ID     int
	Name   string
	Levels []Level
}

// AppendXML appends the w:abstractNum element.
func (a *AbstractNum) AppendXML(dst []byte) []byte {
	dst = append(dst, "<w:abstractNum"...)
	dst = IntAttr(dst, "w:abstractNumId", a.ID)
	dst = append(dst, '>')
	multi := "singleLevel"
	if len(a.Levels) > 1 {
		multi = "multilevel"
	}
	dst = Val(dst, "w:multiLevelType", multi)
	if a.Name != "" {
		dst = Val(dst, "w:name", a.Name)
	}
	for i, l := range a.Levels {
		dst = append(dst, "<w:lvl"...)
		dst = IntAttr(dst, "w:ilvl", i)
		dst = append(dst, '>')
		dst = IntVal(dst, "w:start", max(l.Start, 1))
		dst = Val(dst, "w:numFmt", l.Format)
		if l.PStyle != "" {
			dst = Val(dst, "w:pStyle", l.PStyle)
		}
		if l.Suffix != "" {
			dst = Val(dst, "w:suff", l.Suffix)
		}
		dst = Val(dst, "w:lvlText", l.Text)
		dst = append(dst, `<w:lvlJc w:val="left"/><w:pPr>`...)
		if l.Indent > 0 || l.Hanging > 0 {
			dst = append(dst, "<w:ind"...)
			dst = IntAttr(dst, "w:left", l.Indent)
			dst = IntAttr(dst, "w:hanging", l.Hanging)
			dst = append(dst, "/>"...)
		}
		dst = append(dst, "</w:pPr>"...)
		if l.Font != "" {
			dst = append(dst, "<w:rPr><w:rFonts"...)
			dst = Attr(dst, "w:ascii", l.Font)
			dst = Attr(dst, "w:hAnsi", l.Font)
			dst = Attr(dst, "w:cs", l.Font)
			dst = append(dst, "/></w:rPr>"...)
		}
		dst = append(dst, "</w:lvl>"...)
	}
	return append(dst, "</w:abstractNum>"...)
}

// Num appends a numbering instance (w:num) of an abstract definition.
// When start > 0 the given level restarts at start: each ordered list in
// a document gets its own instance so that it counts from its own start.
func Num(dst []byte, numID, abstractID, level, start int) []byte {
	dst = append(dst, "<w:num"...)
	dst = IntAttr(dst, "w:numId", numID)
	dst = append(dst, '>')
	dst = IntVal(dst, "w:abstractNumId", abstractID)
	if start > 0 {
		dst = append(dst, "<w:lvlOverride"...)
		dst = IntAttr(dst, "w:ilvl", level)
		dst = append(dst, '>')
		dst = IntVal(dst, "w:startOverride", start)
		dst = append(dst, "</w:lvlOverride>"...)
	}
	return append(dst, "</w:num>"...)
}

// Numbering part start and end; abstract definitions come first, then
// the instances, as the schema requires.
const (
	NumberingStart = XMLHeader + `<w:numbering xmlns:w="` + NSW + `">`
	NumberingEnd   = `</w:numbering>`
)
