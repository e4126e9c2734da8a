package kind

import "github.com/underlag/underlag/generator/doc"

// statusBlock is a traffic light with its line (doc.Status.Line): what the
// status is of when label is given, the level's word in bold, and the
// explanation when there is one: "Tid: **Grön** – Enligt plan". The line
// is composed here, once, so that every format says the same.
func statusBlock(level doc.StatusLevel, word string, label, text []doc.Inline) *doc.Status {
	line := make([]doc.Inline, 0, len(label)+len(text)+3)
	if len(label) > 0 {
		line = append(append(line, label...), doc.Text(": "))
	}
	line = append(line, doc.Strong(word))
	if len(text) > 0 {
		line = append(append(line, doc.Text(" – ")), text...)
	}
	return &doc.Status{Level: level, Word: word, Line: line}
}
