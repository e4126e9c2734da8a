package compose

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode/utf8"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/templates"
)

// This file turns an error from executing a template into a diagnostic a
// template author can act on. text/template says
//
//	template: x.md.tmpl:4:6: executing "x.md.tmpl" at <.Sumary>: can't evaluate field Sumary in type *model.Memo
//
// which names neither the fields that exist nor the one that was meant;
// the diagnostic gives the file, line and column, the line itself, a
// "did you mean" and the fields the template can use there.

// execErr matches the text of a text/template execution error: the
// template's name, the line, the 0-based byte column, the node being
// executed and what went wrong. The name may hold colons (C:\…).
var execErr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)^template: (.+):(\d+):(\d+): executing ".*?" at <(.*?)>: (.*)$`)
})

// fieldErr matches text/template's message for a field that the value's
// type does not have.
var fieldErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`) })

// callErr matches the error a template function returned; quoted is its
// first quoted argument.
var (
	callErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^error calling (\S+): (.*)$`) })
	quoted  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"[^"]*"`) })
)

// templateError turns err, returned by executing the template at path,
// into a diagnostic. roots are the values the template was given (the
// document, and whatever its functions hand out), whose types are searched
// for the type a field error names, to list its fields.
func templateError(path string, err error, roots ...any) diag.Diagnostic {
	var ee template.ExecError
	m := execErr().FindStringSubmatch(err.Error())
	if !errors.As(err, &ee) || m == nil {
		return diag.Diagnostic{File: path, Msg: err.Error()}
	}
	// A partial's error (del "fakta") is wrapped in the calling
	// template's: the position is the partial's, and so is the file.
	if i := strings.LastIndex(m[1], "template: "); i >= 0 {
		path = m[1][i+len("template: "):]
	}
	line, _ := strconv.Atoi(m[2])
	byteCol, _ := strconv.Atoi(m[3])
	node, problem := m[4], m[5]
	d := diag.Diagnostic{File: path, Line: line, Col: byteCol + 1, Msg: fmt.Sprintf("at {{ %s }}: %s", node, problem)}

	text := sourceLine(path, line, node)
	if text != nil {
		d.Excerpt = string(text)
		d.Col = runeCol(text, byteCol)
	}
	if c := callErr().FindStringSubmatch(problem); c != nil {
		// "error calling rubrik: no label …": the function is in the
		// excerpt; the caret goes under the argument named in quotes.
		d.Msg = c[1] + ": " + c[2]
		if q := quoted().FindString(c[2]); q != "" && text != nil {
			if i := bytes.Index(text, []byte(q)); i >= 0 {
				d.Col = runeCol(text, i)
			}
		}
	}
	if f := fieldErr().FindStringSubmatch(problem); f != nil {
		field, typeName := f[1], f[2]
		if text != nil {
			if i := fieldAt(text, field, byteCol); i >= 0 {
				d.Col = runeCol(text, i)
			}
		}
		d.Msg, d.Hint = fieldProblem(field, typeName, findType(typeName, roots))
	}
	return d
}

// fieldProblem says that t (named typeName) has no field, suggests the
// field that was likely meant and lists those there are. t is nil when the
// type is not among the template's data; then only the problem is said.
func fieldProblem(field, typeName string, t reflect.Type) (msg, hint string) {
	shown := strings.TrimPrefix(typeName, "*")
	msg = fmt.Sprintf("%s has no field .%s", shown, field)
	if t == nil {
		return msg, ""
	}
	fields := templateFields(t)
	var names, keys []string
	for _, f := range fields {
		names = append(names, f.name)
		keys = append(keys, f.key)
	}
	// A template author often knows the YAML key (sammanfattning) rather
	// than the Go name (Summary): match both.
	if s := diag.Closest(field, names); s != "" {
		msg += fmt.Sprintf("; did you mean .%s?", s)
	} else if s := diag.Closest(field, keys); s != "" {
		for _, f := range fields {
			if f.key == s {
				msg += fmt.Sprintf("; did you mean .%s (the YAML key %s)?", f.name, f.key)
				break
			}
		}
	}
	if len(fields) == 0 {
		if k := derefKind(t); k != reflect.Struct {
			return msg, fmt.Sprintf("%s is a %s, not a struct, so it has no fields: use the value itself", shown, k)
		}
		return msg, fmt.Sprintf("%s has no fields a template can use", shown)
	}
	list := make([]string, len(fields))
	for i, f := range fields {
		list[i] = "." + f.name
		if f.key != "" {
			list[i] += " (" + f.key + ")"
		}
	}
	return msg, fmt.Sprintf("the fields of %s are %s", shown, strings.Join(list, ", "))
}

// templateField is a field a template can read: its Go name and, when it
// has one, the YAML key it is written as in the data.
type templateField struct {
	name, key string
}

// templateFields lists the exported fields of struct type t (or of what t
// points to), promoted ones included, in declaration order, which is the
// order of the keys in a data file. Embedded structs themselves and fields
// that are not data (yaml:"-", such as Source) are left out.
func templateFields(t reflect.Type) []templateField {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []templateField
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if key == "-" {
			continue
		}
		out = append(out, templateField{name: f.Name, key: key})
	}
	return out
}

func derefKind(t reflect.Type) reflect.Kind {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind()
}

// findType returns the type called name (as reflect prints it, such as
// "*model.Memo" or "model.Person") among the types of roots and the types
// reachable from them through fields, pointers, slices, arrays and maps,
// or nil.
func findType(name string, roots []any) reflect.Type {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type) reflect.Type
	walk = func(t reflect.Type) reflect.Type {
		if t == nil || seen[t] {
			return nil
		}
		seen[t] = true
		if t.String() == name {
			return t
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			return walk(t.Elem())
		case reflect.Map:
			if r := walk(t.Key()); r != nil {
				return r
			}
			return walk(t.Elem())
		case reflect.Struct:
			for i := range t.NumField() {
				if r := walk(t.Field(i).Type); r != nil {
					return r
				}
			}
		}
		return nil
	}
	for _, r := range roots {
		if t := walk(reflect.TypeOf(r)); t != nil {
			return t
		}
	}
	return nil
}

// sourceLine returns line n of the template at path, or nil when it cannot
// be read. The template may be a file of a template directory or one of
// the embedded ones (named templates/x.md.tmpl); as a file on disk may
// have changed since it was parsed, or a directory named templates may
// shadow the embedded ones, a line is trusted only if it holds the start
// of node, the action text/template was executing.
func sourceLine(path string, n int, node string) []byte {
	word, _, _ := strings.Cut(node, " ")
	var candidates [][]byte
	if b, err := confine.ReadFile(confine.Dir(path), path, maxTemplateSize); err == nil {
		candidates = append(candidates, b)
	}
	if name, ok := strings.CutPrefix(path, "templates/"); ok {
		if b, err := fs.ReadFile(templates.FS, name); err == nil {
			candidates = append(candidates, b)
		}
	}
	for _, src := range candidates {
		lines := bytes.Split(src, []byte("\n"))
		if n < 1 || n > len(lines) {
			continue
		}
		line := bytes.TrimSuffix(lines[n-1], []byte("\r"))
		if bytes.Contains(line, []byte(word)) {
			return line
		}
	}
	return nil
}

// fieldAt returns the byte offset in line of ".field" nearest to byteCol,
// where text/template puts the node (for .A.B, not always at the field
// that failed), or -1.
func fieldAt(line []byte, field string, byteCol int) int {
	best := -1
	want := []byte("." + field)
	for i := 0; ; {
		j := bytes.Index(line[i:], want)
		if j < 0 {
			break
		}
		at := i + j
		end := at + len(want)
		if end == len(line) || !isIdent(line[end]) {
			if best < 0 || abs(at-byteCol) < abs(best-byteCol) {
				best = at
			}
		}
		i = at + 1
	}
	return best
}

func isIdent(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// runeCol converts a 0-based byte offset in line into a 1-based column in
// characters, the unit of diag.Diagnostic.Col.
func runeCol(line []byte, off int) int {
	return utf8.RuneCount(line[:min(off, len(line))]) + 1
}

// A template that does not parse is not an error of the whole build: the
// Composer keeps its diagnostic (broken) and every document that uses the
// template fails with that same diagnostic, against the template, which the
// build shows once (generator/batch/progress shows each problem once).
// Documents of other templates are built. text/template says
//
//	template: x.md.tmpl:12: function "markdown" not defined
//
// with a line and no column; parseError finds the column in the line and
// turns the message into one a template author can act on.

// parseErr matches a text/template parse error: the template's name, the
// line and the message. The name may hold colons (C:\…).
var parseErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^template: (.+?):(\d+): (.*)$`) })

var (
	funcErr     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^function "([^"]+)" not defined$`) })
	unclosedErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^unclosed action(?: started at .+:(\d+))?$`) })
	unexpected  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^unexpected "?(.+?)"? in (.+)$`) })
	undefVarErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^undefined variable "([^"]+)"$`) })
)

// funcAliases are the names other template languages (Hugo, pandoc,
// Jinja) and English give the functions underlag names in Swedish or in
// short: "markdown" is too far from "md" for an edit distance.
var funcAliases = map[string]string{
	"markdown": "md", "markdownify": "md", "heading": "rubrik", "label": "etikett",
	"title": "titel", "date": "datum", "longdate": "långt_datum", "committee": "nämnd",
	"table": "tabell", "list": "punktlista", "facts": "fakta", "timeline": "tidplan",
	"milestones": "milstolpar", "signatures": "underskrifter", "proposal": "förslag",
	"definitions": "definitioner", "risks": "risker",
}

// parseError turns err, from parsing the template src at path, into a
// diagnostic with the line, the column, the line itself and, for an
// unknown function, the function that was likely meant among funcs.
func parseError(path string, src []byte, err error, funcs []string) diag.Diagnostic {
	m := parseErr().FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Diagnostic{File: path, Msg: err.Error()}
	}
	line, _ := strconv.Atoi(m[2])
	problem := m[3]
	d := diag.Diagnostic{File: path, Line: line, Msg: problem}
	lines := bytes.Split(src, []byte("\n"))
	text := func(n int) []byte {
		if n < 1 || n > len(lines) {
			return nil
		}
		return bytes.TrimSuffix(lines[n-1], []byte("\r"))
	}
	at := -1 // byte offset in the line of what is wrong
	switch {
	case funcErr().MatchString(problem):
		name := funcErr().FindStringSubmatch(problem)[1]
		at = wordAt(text(line), name)
		d.Msg = fmt.Sprintf("unknown function %q", name)
		if s := funcAliases[strings.ToLower(name)]; s != "" {
			d.Msg += fmt.Sprintf("; did you mean %q?", s)
		} else if s := diag.Closest(name, funcs); s != "" {
			d.Msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			d.Hint = "the functions a template can call are listed in docs/templates.md"
		}
	case unclosedErr().MatchString(problem):
		// Reported at the line where the template ends; the action
		// started earlier, where the author must look.
		if s := unclosedErr().FindStringSubmatch(problem)[1]; s != "" {
			d.Line, _ = strconv.Atoi(s)
		}
		at = openAction(text(d.Line))
		d.Msg = "unclosed action: this {{ has no }}"
		d.Hint = "end the action with }} on the same line"
	case undefVarErr().MatchString(problem):
		at = bytes.Index(text(line), []byte(undefVarErr().FindStringSubmatch(problem)[1]))
		d.Hint = "a variable is set with {{ $name := … }} before it is used, in the same block"
	case unexpected().MatchString(problem):
		u := unexpected().FindStringSubmatch(problem)
		tok := u[1]
		at = tokenAt(text(line), tok)
		if tok == "}" {
			d.Msg = `unexpected "}": an action ends with }}`
			d.Hint = "write }} to end the action"
		} else {
			d.Msg = fmt.Sprintf("unexpected %q in %s", tok, u[2])
		}
	}
	if t := text(d.Line); t != nil {
		d.Excerpt = string(t)
		if at >= 0 {
			d.Col = runeCol(t, at)
		} else if i := bytes.Index(t, []byte("{{")); i >= 0 {
			d.Col = runeCol(t, i)
		}
	}
	return d
}

// wordAt is the byte offset of name as a whole word inside an action of
// line, or -1.
func wordAt(line []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(line[i:], []byte(name))
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(name)
		before := at == 0 || !isIdent(line[at-1]) && line[at-1] != '.' && line[at-1] != '$'
		after := end == len(line) || !isIdent(line[end])
		if before && after && bytes.LastIndex(line[:at], []byte("{{")) > bytes.LastIndex(line[:at], []byte("}}")) {
			return at
		}
		i = at + 1
	}
}

// openAction is the byte offset of the last {{ in line that no }} closes,
// or -1.
func openAction(line []byte) int {
	open := -1
	for i := 0; i+1 < len(line); i++ {
		switch {
		case line[i] == '{' && line[i+1] == '{':
			open = i
			i++
		case line[i] == '}' && line[i+1] == '}':
			open = -1
			i++
		}
	}
	return open
}

// tokenAt is the byte offset of tok inside an action of line; a lone "}"
// is looked for where it is not half of "}}".
func tokenAt(line []byte, tok string) int {
	if tok == "}" {
		for i := 0; i < len(line); i++ {
			if line[i] != '}' {
				continue
			}
			if i+1 < len(line) && line[i+1] == '}' {
				i++
				continue
			}
			return i
		}
		return -1
	}
	start := openAction(line)
	if start < 0 {
		start = bytes.Index(line, []byte("{{"))
	}
	if start < 0 {
		return bytes.Index(line, []byte(tok))
	}
	if j := bytes.Index(line[start:], []byte(tok)); j >= 0 {
		return start + j
	}
	return -1
}

// unknownLabel says that key is not a label: the label that was likely
// meant, or how to see them all; never a list of every key.
func unknownLabel(key, path string, keys []string) string {
	msg := fmt.Sprintf("no label %q", key)
	if path != "" {
		msg += " in " + path
	}
	if s := diag.Closest(key, keys); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	return msg + fmt.Sprintf(" (there are %d labels; `underlag templates export DIR` writes them to %s)", len(keys), "DIR/"+templates.Labels)
}

// labelError is unknownLabel as the error of a template function.
func labelError(key string, keys []string) error {
	return errors.New(unknownLabel(key, templates.Labels, keys))
}
