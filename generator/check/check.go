// Package check finds what a loaded document gets wrong beyond its own
// syntax: dates in the wrong order, committees and people that are not in
// the registries, referenced files that do not exist, status rows that do
// not match the directive, duplicate ids, and text that looks unfinished.
//
// The loader has already checked types, keys and required fields; check
// works on the typed model and reports at the positions the loader
// recorded in model.Source.
package check

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// Checker collects the diagnostics of one source file. A document kind's
// own checks (see generator/kind) get one with the document's registries
// and directive, and report through its methods, so that every kind's
// problems come out in the same positioned form.
type Checker struct {
	src   *model.Source
	diags diag.List

	// Reg holds the document's registries; never nil, though its parts may
	// be.
	Reg *model.Registries
	// Directive is the directive the document refers to, nil when none
	// (or when it could not be loaded: that is reported by the loader).
	Directive *model.Directive
}

func (c *Checker) at(path string, sev diag.Severity, format string, args ...any) {
	d := diag.Diagnostic{Path: path, Msg: fmt.Sprintf(format, args...), Severity: sev}
	if c.src != nil {
		p := c.src.Pos(path)
		d.File, d.Line, d.Col = c.src.Path, p.Line, p.Col
	}
	c.diags.Add(d)
}

func (c *Checker) Errorf(path, format string, args ...any) {
	c.at(path, diag.Error, format, args...)
}

func (c *Checker) Warnf(path, format string, args ...any) {
	c.at(path, diag.Warning, format, args...)
}

// wordAt reports a warning about a word in a text field at the word's own
// line and column: the first place at or after the field's position where
// the file holds the word. Multi-line texts are long, and the field's own
// position is only where the text starts.
func (c *Checker) wordAt(path, word, format string, args ...any) {
	c.Warnf(path, format, args...)
	if c.src == nil {
		return
	}
	d := &c.diags[len(c.diags)-1]
	start := offset(c.src.Data, d.Line, d.Col)
	if start < 0 {
		return
	}
	w := []byte(word)
	for i := start; i < len(c.src.Data); {
		j := bytes.Index(c.src.Data[i:], w)
		if j < 0 {
			return
		}
		at := i + j
		end := at + len(word)
		if !wordByte(c.src.Data, at-1) && !wordByte(c.src.Data, end) {
			d.Line, d.Col = lineCol(c.src.Data, at)
			return
		}
		i = end
	}
}

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

// offset is the byte offset of a 1-based line and column (in runes), or
// -1.
func offset(data []byte, line, col int) int {
	if line < 1 || col < 1 {
		return -1
	}
	i := 0
	for l := 1; l < line; l++ {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	for c := 1; c < col && i < len(data); c++ {
		_, size := utf8.DecodeRune(data[i:])
		i += size
	}
	return i
}

// lineCol is the 1-based line and column (in runes) of a byte offset.
func lineCol(data []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// Document checks a loaded document against its registries and the
// directive it references (nil when it has none or it could not be
// loaded): first what every document shares, then the kind's own checks
// (own, from the document's entry in the table of kinds; nil for none),
// then its text. reg may be nil or have nil parts when the data tree has
// no such registry.
//
// A reference that does not resolve (a directive, a logo, an attached file)
// is not reported here: the loader, which reads every file a document
// needs, already reports it, and reporting it twice would print it twice.
func Document(d model.Document, reg *model.Registries, dir *model.Directive, own func(*Checker, model.Document)) diag.List {
	if d == nil || reflect.ValueOf(d).IsNil() {
		return nil
	}
	if reg == nil {
		reg = &model.Registries{}
	}
	base := d.Base()
	c := &Checker{src: base.Source, Reg: reg, Directive: dir}
	c.common(base)
	if own != nil {
		own(c, d)
	}
	c.text(d)
	c.diags.Sort()
	return c.diags
}

func (c *Checker) common(b *model.Common) {
	c.Duplicates("definitioner", len(b.Definitions), func(i int) (string, string) {
		return "term", b.Definitions[i].Term
	})
	for i, s := range b.Signers {
		c.Person(fmt.Sprintf("underskrifter[%d].person", i), s.Person)
	}
	c.sections("extra_avsnitt", b.Extra, map[string]bool{})
}

// sections checks that extra section ids are unique across the tree.
func (c *Checker) sections(path string, ss []model.Section, ids map[string]bool) {
	for i, s := range ss {
		p := fmt.Sprintf("%s[%d]", path, i)
		if s.ID != "" {
			if ids[s.ID] {
				c.Errorf(p+".id", "id %q is used by another section; give each section its own id", s.ID)
			}
			ids[s.ID] = true
		}
		c.sections(p+".avsnitt", s.Sections, ids)
	}
}

// Order reports an end before its start.
func (c *Checker) Order(path, startKey string, start date.Date, endKey string, end date.Date) {
	if end.Before(start) {
		c.Errorf(path+"."+endKey, "%s %s is before %s %s", endKey, end, startKey, start)
	}
}

// Duplicates reports ids given more than once in a list; key returns the
// id's key and value for item i.
func (c *Checker) Duplicates(path string, n int, key func(i int) (string, string)) {
	first := map[string]int{}
	for i := 0; i < n; i++ {
		k, v := key(i)
		if v == "" {
			continue
		}
		p := fmt.Sprintf("%s[%d].%s", path, i, k)
		if j, ok := first[v]; ok {
			line := ""
			if c.src != nil {
				if pos := c.src.Pos(fmt.Sprintf("%s[%d].%s", path, j, k)); pos.Line > 0 {
					line = fmt.Sprintf(" at line %d", pos.Line)
				}
			}
			c.Errorf(p, "%s %q is already used by %s[%d]%s; each must be unique", k, v, path, j, line)
			continue
		}
		first[v] = i
	}
}

// Committee reports a committee abbreviation that the organisation profile
// does not list.
func (c *Checker) Committee(path, abbr string) {
	reg := c.Reg
	if abbr == "" {
		return
	}
	if reg.Organisation == nil {
		c.Warnf(path, "no organisation profile (%s) in this directory or above it, so committee %q cannot be checked", model.OrganisationFile, abbr)
		return
	}
	if _, ok := reg.Organisation.Committee(abbr); ok {
		return
	}
	var abbrs []string
	for _, cm := range reg.Organisation.Committees {
		abbrs = append(abbrs, cm.Abbrev)
	}
	c.Errorf(path, "committee %q is not in the organisation profile %s; %s", abbr, reg.Organisation.Source.Path, valid(abbrs, "it lists no committees"))
}

// Person reports a person id that the people registry does not list.
func (c *Checker) Person(path string, p model.Person) {
	reg := c.Reg
	if p.ID == "" {
		return
	}
	if reg.People == nil {
		c.Errorf(path+".id", "person id %q, but there is no people registry (%s) in this directory or above it; add one, or write the person's namn instead of an id", p.ID, model.PeopleFile)
		return
	}
	if _, ok := reg.People.Lookup(p.ID); ok {
		return
	}
	var ids []string
	for _, e := range reg.People.Entries {
		ids = append(ids, e.ID)
	}
	c.Errorf(path+".id", "person id %q is not in the people registry %s; %s", p.ID, reg.People.Source.Path, valid(ids, "it is empty"))
}

// Valid is the end of a message that lists the valid names, or says none
// when there are none.
func Valid(names []string, none string) string {
	return valid(names, none)
}

func valid(names []string, none string) string {
	if len(names) == 0 {
		return none
	}
	return "valid: " + strings.Join(names, ", ")
}

// Registries checks the registries of a data tree on their own: duplicate
// committee abbreviations, person ids and glossary terms, and a logo file
// that does not exist.
func Registries(reg *model.Registries) diag.List {
	if reg == nil {
		return nil
	}
	var all diag.List
	if o := reg.Organisation; o != nil {
		c := &Checker{src: o.Source}
		c.Duplicates("nämnder", len(o.Committees), func(i int) (string, string) { return "förkortning", o.Committees[i].Abbrev })
		all = append(all, c.diags...)
	}
	if g := reg.Glossary; g != nil {
		c := &Checker{src: g.Source}
		c.Duplicates("termer", len(g.Entries), func(i int) (string, string) { return "term", g.Entries[i].Term })
		all = append(all, c.diags...)
	}
	if p := reg.People; p != nil {
		c := &Checker{src: p.Source}
		c.Duplicates("personer", len(p.Entries), func(i int) (string, string) { return "id", p.Entries[i].ID })
		all = append(all, c.diags...)
	}
	all.Sort()
	return all
}

// text walks every text field of the document for placeholders and
// undefined abbreviations.
func (c *Checker) text(d model.Document) {
	reg := c.Reg
	defined := map[string]bool{}
	// The commission's own ids (BP2, MS1, DA3) are named in its directive's
	// text and in the memos and reports about it.
	if dir := model.Commission(d, c.Directive); dir != nil {
		for _, id := range dir.Ids() {
			defined[id] = true
		}
	}
	for _, def := range d.Base().Definitions {
		defined[def.Term] = true
	}
	if reg.Glossary != nil {
		for _, def := range reg.Glossary.Entries {
			defined[def.Term] = true
		}
	}
	if reg.Organisation != nil {
		for _, cm := range reg.Organisation.Committees {
			defined[cm.Abbrev] = true
		}
	}
	warned := map[string]bool{}
	walk(reflect.ValueOf(d).Elem(), "", "", func(path, key, s string) {
		c.tables(path, s)
		if ph := placeholder(s); ph != "" {
			c.wordAt(path, ph, "the text holds the placeholder %q; fill it in before the document is sent", ph)
		}
		// Ids, codes and abbreviations themselves (beslutspunkt: BP1,
		// nämnd: HSN, term: CLG) are not running text.
		if !isProse(key) {
			return
		}
		for _, a := range abbreviations(s) {
			stem := strings.TrimRightFunc(a, unicode.IsDigit) // BP2 is a BP
			if !defined[a] && !defined[stem] && !warned[a] {
				warned[a] = true
				c.wordAt(path, a, "the abbreviation %s is not defined; add it to definitioner or to the glossary (%s)", a, model.GlossaryFile)
			}
		}
	})
}

// isProse reports whether a field with this yaml key holds running text
// that may use abbreviations, as opposed to ids, codes, names and paths.
func isProse(key string) bool {
	switch key {
	case "id", "beslutspunkt", "nämnd", "nämnder", "term", "förklaring", "typ", "diarienummer",
		"uppdragsdirektiv", "fil", "mall", "efter", "form", "nivå", "status", "sannolikhet", "konsekvens",
		"namn", "titel", "enhet", "ort", "roll", "rubriker":
		return false
	}
	return true
}

// walk calls fn for every non-empty string in v with its field path and
// yaml key.
func walk(v reflect.Value, path, key string, fn func(path, key, s string)) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, key, s)
		}
	case reflect.Pointer:
		if !v.IsNil() && v.Type().Elem().Kind() == reflect.Struct && v.Type() != reflect.TypeFor[*model.Source]() {
			walk(v.Elem(), path, key, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), key, fn)
		}
	case reflect.Map:
		// rubriker: labels are short headings; nothing to check.
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("yaml")
			if tag == "-" || !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if opts == "inline" {
				walk(v.Field(i), path, key, fn)
				continue
			}
			if name == "" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walk(v.Field(i), p, name, fn)
		}
	}
}

// placeholder returns the first placeholder word in s: xxx (any length, any
// case), TODO, TBD, FIXME; or "".
func placeholder(s string) string {
	for _, w := range words(s) {
		lw := strings.ToLower(w)
		if len(lw) >= 3 && strings.Trim(lw, "x") == "" {
			return w
		}
		switch w {
		case "TODO", "TBD", "FIXME", "XXX":
			return w
		}
	}
	return ""
}

// abbreviations returns the words in s that look like abbreviations: two
// or more capital letters, optionally followed by digits (HSN, LSO2).
// Placeholders, Roman numerals and Markdown link targets are skipped.
func abbreviations(s string) []string {
	var out []string
	for _, w := range words(s) {
		if isAbbrev(w) && placeholder(w) == "" && !roman(w) {
			out = append(out, w)
		}
	}
	return out
}

func isAbbrev(w string) bool {
	letters := 0
	digits := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r) && !digits:
			letters++
		case unicode.IsDigit(r) && letters > 0:
			digits = true
		default:
			return false
		}
	}
	return letters >= 2
}

func roman(w string) bool {
	return strings.Trim(w, "IVXLCDM") == "" && utf8.RuneCountInString(w) <= 4
}

// words splits s into runs of letters and digits, skipping URLs.
func words(s string) []string {
	var out []string
	for _, field := range strings.Fields(s) {
		if strings.Contains(field, "://") || strings.HasPrefix(field, "](") || strings.Contains(field, "](") {
			continue
		}
		out = append(out, strings.FieldsFunc(field, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})...)
	}
	return out
}
