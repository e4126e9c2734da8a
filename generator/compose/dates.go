package compose

import (
	"unicode"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
)

// dateStyle is how dates print in the table or field named key: the style
// the template gives (its optional last argument), else the organisation
// profile's datumformat for the key, else ISO.
func (r *run) dateStyle(key string, fromTemplate []string) (date.Style, error) {
	if len(fromTemplate) > 0 && fromTemplate[len(fromTemplate)-1] != "" {
		return date.ParseStyle(fromTemplate[len(fromTemplate)-1])
	}
	if r.org != nil {
		if st, ok := r.org.DateStyles[key]; ok {
			return st, nil
		}
	}
	return date.ISO, nil
}

// dateCell prints a date in a table cell: in the style, with a capital
// first letter, as a cell starts a sentence ("December 2024").
func dateCell(d date.Date, st date.Style) doc.Cell {
	return doc.TextCell(capitalise(d.Format(st)))
}

// capitalise upper-cases the first letter.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// fnDate is `datum .Date` or `datum .Date "lång"`: a date in a style, by
// default the profile's style for "datum", else ISO.
func (r *run) fnDate(d date.Date, style ...string) (string, error) {
	st, err := r.dateStyle("datum", style)
	if err != nil {
		return "", err
	}
	return d.Format(st), nil
}
