package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// imageRef finds Markdown images: ![alt](path "Bildtext").
var imageRef = regexp.MustCompile(`!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"([^"]*)")?\s*\)`)

// images reads every image the document's Markdown fields show, inside
// the data tree and with a bounded reader, keyed by the path as written.
// An image without alt text is an error: a screen reader would have
// nothing to say.
func (l *Loader) images(d model.Document, roots []string) (map[string]*Asset, diag.List) {
	src := d.Base().Source
	var diags diag.List
	var out map[string]*Asset
	model.WalkTexts(d, func(t model.TextAt) {
		path, s := t.Path, t.S
		if !t.Markdown || !strings.Contains(s, "![") {
			return
		}
		for _, m := range imageRef.FindAllStringSubmatch(s, -1) {
			alt, ref := strings.TrimSpace(m[1]), m[2]
			at := func(msg string) {
				pos := refPos(src, path, m[0])
				diags.Add(diag.Diagnostic{File: src.Path, Line: pos.Line, Col: pos.Col, Path: path, Msg: msg})
			}
			if alt == "" {
				at(fmt.Sprintf("the image %s has no alt text: write what it shows between the brackets, ![Karta över länet](%s), so that a screen reader can say it", ref, ref))
				continue
			}
			if strings.Contains(ref, "://") {
				at(fmt.Sprintf("the image %s is a web address; images must be PNG or JPEG files in the data tree", ref))
				continue
			}
			if out[ref] != nil {
				continue
			}
			p, data, bad := readRef(src, path, ref, roots, MaxAssetSize)
			if bad != nil {
				pos := refPos(src, path, m[0])
				bad.Line, bad.Col = pos.Line, pos.Col
				diags.Add(*bad)
				continue
			}
			if msg := checkImage(data); msg != "" {
				at(fmt.Sprintf("the image %s %s", ref, msg))
				continue
			}
			if out == nil {
				out = map[string]*Asset{}
			}
			out[ref] = &Asset{Path: p, Data: data}
		}
	})
	return out, diags
}

// refPos is the position of text in a field's value: the first place at
// or after the field's position where the file holds it, else the field's
// own position.
func refPos(src *model.Source, path, text string) model.Pos {
	pos := src.Pos(path)
	if src == nil || pos.Line == 0 {
		return pos
	}
	lines := bytes.Split(src.Data, []byte("\n"))
	for i := pos.Line - 1; i < len(lines); i++ {
		if j := bytes.Index(lines[i], []byte(text)); j >= 0 {
			return model.Pos{Line: i + 1, Col: len([]rune(string(lines[i][:j]))) + 1}
		}
	}
	return pos
}
