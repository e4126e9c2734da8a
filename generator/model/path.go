package model

import "strconv"

// fieldPath is a field path as the document walks (PeopleOf, DocRefsOf,
// WalkTexts) build it on the way down: one buffer for the whole walk, each
// level appending its part beyond its parent's and its siblings writing
// over the same bytes, so that only the paths handed out become strings.
// Building each field's path as a string of its own cost a walk an
// allocation per field, most of them never used.
type fieldPath []byte

// field is the path of the field name below p: "a.b", or "b" at the top.
func (p fieldPath) field(name string) fieldPath {
	if len(p) > 0 {
		p = append(p, '.')
	}
	return append(p, name...)
}

// index is the path of the list item i below p: "a[2]".
func (p fieldPath) index(i int) fieldPath {
	p = append(p, '[')
	p = strconv.AppendInt(p, int64(i), 10)
	return append(p, ']')
}
