package docx

import (
	"strings"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/docx/wordpkg"
)

// textElems writes a run's text as w:t elements. Inside what must stay on one
// line (doc.Unbreakable: dates, case numbers, "§ 173", amounts with their
// unit, phone numbers) a space becomes a non-breaking space (U+00A0) and
// a hyphen Word's non-breaking hyphen (w:noBreakHyphen), which Word and
// LibreOffice never break a line at and draw as a hyphen. The PDF keeps
// the same tokens whole.
func textElems(dst []byte, seg string) []byte {
	tokens := doc.Unbreakable(seg)
	if len(tokens) == 0 {
		return wt(dst, seg)
	}
	last := 0
	for _, t := range tokens {
		tok := seg[t[0]:t[1]]
		if !strings.ContainsAny(tok, " -") {
			continue
		}
		dst = wt(dst, seg[last:t[0]])
		for i, part := range strings.Split(strings.ReplaceAll(tok, " ", "\u00a0"), "-") {
			if i > 0 {
				dst = append(dst, "<w:noBreakHyphen/>"...)
			}
			dst = wt(dst, part)
		}
		last = t[1]
	}
	return wt(dst, seg[last:])
}

// wt writes one w:t element; nothing for empty text.
func wt(dst []byte, s string) []byte {
	if s == "" {
		return dst
	}
	dst = append(dst, `<w:t xml:space="preserve">`...)
	dst = wordpkg.Escape(dst, s)
	return append(dst, "</w:t>"...)
}
