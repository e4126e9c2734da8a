package lint

import (
	"bytes"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/model"
)

// A text value of a document, as walk finds it.
type text struct {
	path  string // field path, such as "tidplan[0].beskrivning"
	key   string // the field's yaml key, such as "beskrivning"
	s     string
	prose bool // Markdown: a section of running text, not an id, name or code
	req   bool // the field, or a struct field around it outside any list, is required to load
}

// textCache walks a document's texts once for all the rules that read
// them.
type textCache struct {
	d   model.Document
	all []text
	set []text // the non-empty ones
	ok  bool
	// names are knownNames, made once for the rules that need them.
	names   []known
	namesOK bool
}

func (c *textCache) load() {
	if !c.ok {
		c.all, c.ok = allTexts(c.d), true
		for _, t := range c.all {
			if t.s != "" {
				c.set = append(c.set, t)
			}
		}
	}
}

// texts are the document's non-empty texts, in the order of the model's
// fields, walked once.
func (c *Context) texts() []text {
	c.cache.load()
	return c.cache.set
}

// allTexts are the document's texts with the empty ones (allTexts),
// walked once.
func (c *Context) allTexts() []text {
	c.cache.load()
	return c.cache.all
}

// allTexts is texts with the empty ones too.
func allTexts(d model.Document) []text {
	var out []text
	model.WalkTexts(d, func(t model.TextAt) {
		out = append(out, text{path: t.Path, key: t.Key, s: t.S, prose: t.Markdown, req: t.Required})
	})
	return out
}

// field finds the value at a yaml field path ("organisation.uppdragsledare",
// no list indices) in a document. ok is false when the model has no such
// field.
func field(d model.Document, path string) (reflect.Value, bool) {
	v := reflect.ValueOf(d).Elem()
	for _, key := range strings.Split(path, ".") {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v = reflect.New(v.Type().Elem()).Elem()
			} else {
				v = v.Elem()
			}
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		f, ok := structField(v, key)
		if !ok {
			return reflect.Value{}, false
		}
		v = f
	}
	return v, true
}

// structField is the field of a struct value with the given yaml key,
// through inline embedded structs.
func structField(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" && f.Type.Kind() == reflect.Struct {
			if fv, ok := structField(v.Field(i), key); ok {
				return fv, true
			}
			continue
		}
		if name == key && name != "" && name != "-" && f.IsExported() {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// fieldKeys lists the yaml keys of the struct at path in a document type
// (path "" for the top level), for did-you-mean.
func fieldKeys(d model.Document, path string) []string {
	v := reflect.ValueOf(d).Elem()
	if path != "" {
		var ok bool
		if v, ok = field(d, path); !ok {
			return nil
		}
	}
	for v.Kind() == reflect.Pointer {
		v = reflect.New(v.Type().Elem()).Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	var add func(t reflect.Type)
	add = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if opts == "inline" && f.Type.Kind() == reflect.Struct {
				add(f.Type)
				continue
			}
			if name != "" && name != "-" && f.IsExported() {
				keys = append(keys, name)
			}
		}
	}
	add(v.Type())
	return keys
}

// blank reports whether a value holds nothing a reader could use: the zero
// value, an empty list, or text of only spaces and dashes.
func blank(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return blankText(v.String())
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Struct:
		if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
			return z.IsZero()
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && !blank(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// blankText reports whether a text holds no words: empty, spaces, or only
// dashes, dots and ellipses that stand where the text should be.
func blankText(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—.…", r)
	}) == ""
}

// words scans s for runs of letters and digits, skipping URLs and
// Markdown link targets (a space-separated field holding "://" or "](").
// Each word is a substring of s and nothing is allocated, which matters
// because lint reads every text of every document of a build:
//
//	for w := (words{s: s}); w.scan(); {
//		use(w.word)
//	}
type words struct {
	s     string // what is left to read
	field string // what is left of the field being read
	word  string // the word scan found
}

// scan finds the next word; false at the end of the text.
func (w *words) scan() bool {
	for {
		if i := strings.IndexFunc(w.field, isWordRune); i >= 0 {
			f := w.field[i:]
			end := strings.IndexFunc(f, notWordRune)
			if end < 0 {
				end = len(f)
			}
			w.word, w.field = f[:end], f[end:]
			return true
		}
		start := strings.IndexFunc(w.s, notSpace)
		if start < 0 {
			w.s, w.field = "", ""
			return false
		}
		f := w.s[start:]
		end := strings.IndexFunc(f, unicode.IsSpace)
		if end < 0 {
			end = len(f)
		}
		w.field, w.s = f[:end], f[end:]
		if strings.Contains(w.field, "://") || strings.Contains(w.field, "](") {
			w.field = ""
		}
	}
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func notWordRune(r rune) bool { return !isWordRune(r) }
func notSpace(r rune) bool    { return !unicode.IsSpace(r) }

// wordByte reports whether the rune around byte i continues a word.
func wordByte(data []byte, i int) bool {
	if i < 0 || i >= len(data) {
		return false
	}
	for i > 0 && !utf8.RuneStart(data[i]) {
		i--
	}
	r, _ := utf8.DecodeRune(data[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// find is the byte offset of the first whole-word occurrence of word in
// data at or after start, or -1. A word that starts or ends with a
// character that is not a letter or digit ("???", "[namn]") needs no
// boundary on that side.
func find(data []byte, start int, word string) int {
	if start < 0 || word == "" {
		return -1
	}
	w := []byte(word)
	for i := start; i < len(data); {
		j := bytes.Index(data[i:], w)
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(w)
		if !(wordByte(w, 0) && wordByte(data, at-1)) && !(wordByte(w, len(w)-1) && wordByte(data, end)) {
			return at
		}
		i = at + 1
	}
	return -1
}
