package serve

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// writeBack returns the file's text with the top-level keys whose values
// changed between orig (parsed from src) and edit written anew, and every
// other line as it was: comments, blank lines, quoting and line breaks of
// untouched keys are kept byte for byte. A changed key is encoded by
// yaml.v3 from its node, which keeps the comments and styles the node
// holds. Keys new in edit go after the key before them in edit; keys gone
// from it are cut out with their lines.
func writeBack(src []byte, orig, edit *yaml.Node) ([]byte, error) {
	lines := splitLines(src)
	type region struct{ from, to int } // 0-based lines [from, to)
	regions := map[string]region{}
	for i := 0; i+1 < len(orig.Content); i += 2 {
		from := orig.Content[i].Line - 1
		to := len(lines)
		if i+2 < len(orig.Content) {
			to = orig.Content[i+2].Line - 1
		}
		// Blank lines and comments at the left margin before the next key
		// are its head comment or the file's: they stay.
		for to > from+1 && (strings.TrimSpace(lines[to-1]) == "" || strings.HasPrefix(lines[to-1], "#")) {
			to--
		}
		regions[orig.Content[i].Value] = region{from, to}
	}
	var out bytes.Buffer
	// The text before the first key: the file's head comment.
	first := len(lines)
	if len(orig.Content) > 0 {
		first = orig.Content[0].Line - 1
	}
	for _, l := range lines[:first] {
		out.WriteString(l)
	}
	done := map[string]bool{}
	// Every original key in its place, followed by the new keys that
	// come after it in edit.
	emitNew := func(after int) error {
		for j := after; j+1 < len(edit.Content); j += 2 {
			k := edit.Content[j].Value
			if _, old := regions[k]; old {
				return nil
			}
			b, err := encodePair(edit.Content[j], edit.Content[j+1])
			if err != nil {
				return err
			}
			out.Write(b)
			done[k] = true
		}
		return nil
	}
	if err := emitNew(0); err != nil {
		return nil, err
	}
	for i := 0; i+1 < len(orig.Content); i += 2 {
		key := orig.Content[i].Value
		r := regions[key]
		next := len(lines)
		if i+2 < len(orig.Content) {
			next = orig.Content[i+2].Line - 1
		}
		j := keyIndex(edit, key)
		switch {
		case j < 0:
			// Removed: its lines go, the comments after it stay.
		case same(orig.Content[i+1], edit.Content[j+1]):
			for _, l := range lines[r.from:r.to] {
				out.WriteString(l)
			}
		default:
			b, err := encodePair(edit.Content[j], edit.Content[j+1])
			if err != nil {
				return nil, err
			}
			out.Write(b)
		}
		for _, l := range lines[r.to:next] {
			out.WriteString(l)
		}
		if j >= 0 {
			if err := emitNew(j + 2); err != nil {
				return nil, err
			}
		}
	}
	return out.Bytes(), nil
}

// splitLines splits text after each line break, keeping the breaks; a
// last line without one gets one.
func splitLines(src []byte) []string {
	var lines []string
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			lines = append(lines, string(src)+"\n")
			break
		}
		lines = append(lines, string(src[:i+1]))
		src = src[i+1:]
	}
	return lines
}

// same reports whether two value nodes encode alike.
func same(a, b *yaml.Node) bool {
	x, err1 := yaml.Marshal(a)
	y, err2 := yaml.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// encodePair encodes key: value as a top-level entry, indented by two as
// underlag's files are. The key's head comment stays where it is in the
// file (above the entry's lines), so it is not written again.
func encodePair(k, v *yaml.Node) ([]byte, error) {
	// The comments at the left margin around the entry stay where they
	// are in the file (above and below the entry's lines), so they are not
	// written again: yaml.v3 holds them as the key's head comment and the
	// pair's foot comments.
	key, val := *k, *v
	key.HeadComment, key.FootComment, val.FootComment = "", "", ""
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{&key, &val}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("write %s: %w", k.Value, err)
	}
	enc.Close()
	return b.Bytes(), nil
}
