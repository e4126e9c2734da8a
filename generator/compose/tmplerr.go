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
var execErr = regexp.MustCompile(`(?s)^template: (.+):(\d+):(\d+): executing ".*?" at <(.*?)>: (.*)$`)

// fieldErr matches text/template's message for a field that the value's
// type does not have.
var fieldErr = regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)

// templateError turns err, returned by executing the template at path,
// into a diagnostic. roots are the values the template was given (the
// document, and whatever its functions hand out), whose types are searched
// for the type a field error names, to list its fields.
func templateError(path string, err error, roots ...any) diag.Diagnostic {
	var ee template.ExecError
	m := execErr.FindStringSubmatch(err.Error())
	if !errors.As(err, &ee) || m == nil {
		return diag.Diagnostic{File: path, Msg: err.Error()}
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
	if f := fieldErr.FindStringSubmatch(problem); f != nil {
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
