package load

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// decoder fills a model struct from a yaml.Node tree by reflection over the
// struct's yaml, required and enum tags. yaml's own Decode stops at the
// first kind of problem and does not know our field paths; this one goes on
// after every problem so that a user sees them all at once.
type decoder struct {
	file  string
	diags diag.List
	pos   map[string]model.Pos
	// keys are the keys of the struct types decoded so far, by type: a
	// file has many values of a few types (a timeline's phases, a list's
	// people), and listing a type's keys reads each field's tags.
	keys map[reflect.Type]*typeKeys
}

// typeKeys are a struct type's keys (Keys), in order and by name.
type typeKeys struct {
	list     []Key
	byName   map[string]Key
	required []Key // those tagged required:"true", in order
}

// keysOf returns t's keys, listed once per file.
func (d *decoder) keysOf(t reflect.Type) *typeKeys {
	if k, ok := d.keys[t]; ok {
		return k
	}
	fs := Keys(t)
	k := &typeKeys{list: fs, byName: make(map[string]Key, len(fs))}
	for _, f := range fs {
		k.byName[f.Name] = f
		if f.Tag.Get("required") == "true" {
			k.required = append(k.required, f)
		}
	}
	if d.keys == nil {
		d.keys = map[reflect.Type]*typeKeys{}
	}
	d.keys[t] = k
	return k
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	dateType        = reflect.TypeFor[date.Date]()
)

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	d.diags.Addf(d.file, line, col, path, format, args...)
}

// record notes where a field path stands in the file.
func (d *decoder) record(path string, n *yaml.Node) {
	if path == "" || n == nil {
		return
	}
	if _, ok := d.pos[path]; !ok {
		d.pos[path] = model.Pos{Line: n.Line, Col: n.Column}
	}
}

// resolve follows aliases to the node they stand for. Cycles and excessive
// expansion are refused before decoding starts (see checkAliases).
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// TakesText reports whether t may be written as a plain scalar: it has an
// UnmarshalText method of its own, not one promoted from an embedded
// struct (a NamedRole embeds Role but needs its name as a key).
func TakesText(t reflect.Type) bool {
	if !reflect.PointerTo(t).Implements(textUnmarshaler) {
		return false
	}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Anonymous && reflect.PointerTo(f.Type).Implements(textUnmarshaler) {
				return false
			}
		}
	}
	return true
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// describe names what a node is, for "expected X, found Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		v := n.Value
		if len([]rune(v)) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return "the number " + v
		case "!!bool":
			return v
		}
		return fmt.Sprintf("the text %q", v)
	}
	return "something else"
}

// decode fills v (addressable) from n. path is v's field path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, tag reflect.StructTag) {
	n = resolve(n)
	if n == nil {
		return
	}
	d.record(path, n)
	if !d.checkTag(n, path) {
		return
	}
	if isNull(n) {
		d.decodeNull(n, v, path)
		return // left out; required fields are checked by the caller
	}
	t := v.Type()
	switch {
	case t == dateType:
		d.decodeDate(n, v, path)
	case t.Kind() == reflect.Pointer:
		e := reflect.New(t.Elem())
		d.decode(n, e.Elem(), path, tag)
		v.Set(e)
	case TakesText(t) && n.Kind == yaml.ScalarNode:
		d.decodeText(n, v, path)
	default:
		d.decodeKind(n, v, path, tag)
	}
}

// decodeKind decodes by the kind of the Go value.
func (d *decoder) decodeKind(n *yaml.Node, v reflect.Value, path string, tag reflect.StructTag) {
	switch v.Kind() {
	case reflect.String:
		d.decodeString(n, v, path, tag)
	case reflect.Int:
		d.decodeInt(n, v, path)
	case reflect.Float64:
		d.decodeFloat(n, v, path)
	case reflect.Bool:
		d.decodeBool(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path, tag)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	default:
		d.errorf(n, path, "internal error: cannot decode into %s", v.Type())
	}
}

// MaxFieldSize is the longest text one field may hold: 1 MB, hundreds of
// pages. A document's text is laid out in memory many times its size (an
// 8 MB paragraph took 1 GB), so the limit keeps one field from taking a
// build's memory.
const MaxFieldSize = 1 << 20

// checkTag refuses YAML's explicit tags (!!binary, !!set, !custom): the
// loader reads plain YAML, and would otherwise take "!!binary aGVq" for the
// text aGVq. !!str, which only says "this is text", is read.
func (d *decoder) checkTag(n *yaml.Node, path string) bool {
	if n.Style&yaml.TaggedStyle == 0 || n.Tag == "!!str" && n.Kind == yaml.ScalarNode {
		return true
	}
	d.errorf(n, path, "the YAML tag %s is not read here: remove it and write the value as plain text, a list or a mapping", n.Tag)
	return false
}

// decodeNull warns of a text field written as Null, null, NULL or ~,
// YAML's null and not the word, rather than drop the value silently.
func (d *decoder) decodeNull(n *yaml.Node, v reflect.Value, path string) {
	if v.Kind() == reflect.String && n.Value != "" && path != "" {
		d.diags.Add(diag.Diagnostic{File: d.file, Line: n.Line, Col: n.Column, Path: path, Severity: diag.Warning,
			Msg:  fmt.Sprintf("%s is YAML's empty value, so %s is left empty", n.Value, path),
			Hint: fmt.Sprintf("write \"%s\" in quotes if you mean the word, or leave the key out", n.Value)})
	}
}

// checkLength refuses a text longer than MaxFieldSize, or nested deeper
// than MaxNesting.
func (d *decoder) checkLength(n *yaml.Node, path string) bool {
	if len(n.Value) <= MaxFieldSize {
		return d.checkNesting(n, path)
	}
	d.errorf(n, path, "this text is %s; the limit for one field is %s: split it, or attach the document it comes from as a file", confine.Size(int64(len(n.Value))), confine.Size(MaxFieldSize))
	return false
}

// decodeText decodes a scalar into a type that reads itself from text.
func (d *decoder) decodeText(n *yaml.Node, v reflect.Value, path string) {
	if !d.checkLength(n, path) {
		return
	}
	u := v.Addr().Interface().(encoding.TextUnmarshaler)
	if err := u.UnmarshalText([]byte(nfc(n.Value))); err != nil {
		d.errorf(n, path, "%v%s", err, meant(err))
		return
	}
	if v.Kind() == reflect.Struct {
		d.checkEnums(n, v, path)
	}
}

func (d *decoder) decodeString(n *yaml.Node, v reflect.Value, path string, tag reflect.StructTag) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected text, found %s", describe(n))
		return
	}
	if !d.checkLength(n, path) {
		return
	}
	s := nfc(n.Value)
	if enum := tag.Get("enum"); enum != "" && !inEnum(s, enum) {
		d.errorf(n, path, "%q is not valid; %s", s, oneOf(s, strings.Split(enum, ",")))
		return
	}
	v.SetString(s)
}

func (d *decoder) decodeInt(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, path, "expected a whole number, such as 2025, found %s", describe(n))
		return
	}
	i, err := strconv.ParseInt(n.Value, 0, 64)
	if err != nil || int64(int(i)) != i {
		d.errorf(n, path, "%s is not a whole number this tool can hold", n.Value)
		return
	}
	v.SetInt(i)
}

func (d *decoder) decodeFloat(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!float" && n.Tag != "!!int") {
		d.errorf(n, path, "expected a number, such as 1.5, found %s", describe(n))
		return
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f < 0 {
		d.errorf(n, path, "%s is not a number this field takes (a positive number, such as 1.5)", n.Value)
		return
	}
	v.SetFloat(f)
}

func (d *decoder) decodeBool(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		d.errorf(n, path, "expected true or false, found %s", describe(n))
		return
	}
	b, err := strconv.ParseBool(strings.ToLower(n.Value))
	if err != nil {
		d.errorf(n, path, "expected true or false, found %s", describe(n))
		return
	}
	v.SetBool(b)
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string, tag reflect.StructTag) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "expected a list (lines starting with \"- \"), found %s", describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		ep := fmt.Sprintf("%s[%d]", path, i)
		d.decode(c, s.Index(i), ep, tag)
		if isNull(resolve(c)) {
			d.errorf(resolve(c), ep, "empty list item")
		}
	}
	v.Set(s)
}

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value, path string) {
	const valid = "write a day as 2024-11-18, a month as 2025-03, a quarter as 2025-Q4, a half year as 2025-H2 or a year as 2025"
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected a date (%s), found %s", valid, describe(n))
		return
	}
	// An unquoted 2024-11-18 arrives as !!timestamp and 2025 as !!int;
	// both are dates here, so read the text the user wrote.
	dt, err := date.Parse(n.Value)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return
	}
	v.Set(reflect.ValueOf(dt))
}

// pairs calls fn with each key and value of a mapping, after reporting the
// keys that are not plain text or that repeat an earlier key, and returns
// the keys it passed on with their nodes.
func (d *decoder) pairs(n *yaml.Node, path string, fn func(k, val *yaml.Node, key, kp string)) map[string]*yaml.Node {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			d.errorf(k, path, "expected a key, found %s", describe(k))
			continue
		}
		key := nfc(k.Value)
		kp := joinPath(path, key)
		if prev, ok := seen[key]; ok {
			d.errorf(k, kp, "key %q is already given at line %d; give each key once", key, prev.Line)
			continue
		}
		seen[key] = k
		fn(k, val, key, kp)
	}
	return seen
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.errorf(n, path, "internal error: cannot decode into %s", t)
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping (key: value lines), found %s", describe(n))
		return
	}
	plain := t.Elem().Kind() == reflect.String && !TakesText(t.Elem())
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	d.pairs(n, path, func(k, val *yaml.Node, key, kp string) {
		if val = resolve(val); val == nil {
			return
		}
		d.record(kp, val)
		if !plain {
			// Lists, dates, styles: the value decodes like a field of
			// its type, with its own checks and positions.
			e := reflect.New(t.Elem()).Elem()
			d.decode(val, e, kp, "")
			m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
			return
		}
		if val.Kind != yaml.ScalarNode || isNull(val) {
			d.errorf(val, kp, "expected text, found %s", describe(val))
			return
		}
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), reflect.ValueOf(nfc(val.Value)).Convert(t.Elem()))
	})
	v.Set(m)
}

// Key is a struct field reachable by a yaml key, through inline embedded
// structs.
type Key struct {
	Name  string            // the yaml key
	Index []int             // for reflect.Value.FieldByIndex
	Tag   reflect.StructTag // the field's tags: yaml, desc, required, enum
}

// Keys lists the yaml keys of a model struct type in declaration order,
// as the loader reads them; the JSON Schema is generated from the same
// list so that the two cannot disagree.
func Keys(t reflect.Type) []Key {
	var out []Key
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if opts == "inline" && f.Type.Kind() == reflect.Struct {
			for _, sub := range Keys(f.Type) {
				sub.Index = append([]int{i}, sub.Index...)
				out = append(out, sub)
			}
			continue
		}
		if name == "" {
			continue
		}
		out = append(out, Key{Name: name, Index: []int{i}, Tag: f.Tag})
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	tk := d.keysOf(t)
	fs := tk.list
	if n.Kind != yaml.MappingNode {
		what := "a mapping (key: value lines)"
		if TakesText(t) {
			what = "text or a mapping (key: value lines)"
		}
		d.errorf(n, path, "expected %s with keys %s, found %s", what, keyList(fs), describe(n))
		return
	}
	var failed map[string]bool // keys whose value already got an error
	// misspelt maps a key meant by an unknown one to it: when the key
	// meant is required and missing, the one error is at the typo.
	var misspelt map[string]bool
	seen := d.pairs(n, path, func(k, val *yaml.Node, key, kp string) {
		f, ok := tk.byName[key]
		if !ok && key == "<<" {
			d.errorf(k, path, "YAML merge keys (<<) are not supported; write the keys out")
			return
		}
		if !ok {
			if c := closestKey(key, fs); c != "" {
				if misspelt == nil {
					misspelt = map[string]bool{}
				}
				misspelt[c] = true
			}
			d.errorf(k, kp, "unknown key %q; %s", key, suggest(key, fs))
			return
		}
		// A block list or mapping is best pointed at by its key; a scalar
		// by its value, which is on the same line.
		if rv := resolve(val); rv != nil && rv.Kind != yaml.ScalarNode {
			d.record(kp, k)
		}
		before := len(d.diags)
		d.decode(val, v.FieldByIndex(f.Index), kp, f.Tag)
		if len(d.diags) > before {
			if failed == nil {
				failed = map[string]bool{}
			}
			failed[f.Name] = true
		}
	})
	for _, f := range tk.required {
		kp := joinPath(path, f.Name)
		if _, ok := seen[f.Name]; !ok {
			if !misspelt[f.Name] { // else the typo's error says it
				d.errorf(n, kp, "required key %q is missing", f.Name)
			}
		} else if !failed[f.Name] && v.FieldByIndex(f.Index).IsZero() {
			at := seen[f.Name]
			d.errorf(at, kp, "%q is required and must not be empty", f.Name)
		}
	}
}

// checkEnums checks the enum-tagged fields of a struct that was filled
// from a scalar by UnmarshalText (Status as just "grön").
func (d *decoder) checkEnums(n *yaml.Node, v reflect.Value, path string) {
	for _, f := range d.keysOf(v.Type()).list {
		enum := f.Tag.Get("enum")
		fv := v.FieldByIndex(f.Index)
		if enum == "" || fv.Kind() != reflect.String {
			continue
		}
		if s := fv.String(); s != "" && !inEnum(s, enum) {
			d.errorf(n, path, "%q is not valid; %s", s, oneOf(s, strings.Split(enum, ",")))
		}
	}
}

func inEnum(s, enum string) bool {
	for _, e := range strings.Split(enum, ",") {
		if s == e {
			return true
		}
	}
	return false
}

// choiceError is an UnmarshalText error that knows the name written and
// the valid ones (date.StyleError), so that the loader can say which was
// likely meant.
type choiceError interface {
	error
	Choice() (given string, valid []string)
}

// meant is "; did you mean …?" for a choiceError near a valid name, else "".
func meant(err error) string {
	var ce choiceError
	if !errors.As(err, &ce) {
		return ""
	}
	if c := diag.Closest(ce.Choice()); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// oneOf says which values are valid, leading with the nearest one.
func oneOf(s string, valid []string) string {
	if c := diag.Closest(s, valid); c != "" {
		return fmt.Sprintf("did you mean %q? Valid values: %s", c, strings.Join(valid, ", "))
	}
	return "valid values: " + strings.Join(valid, ", ")
}

func suggest(key string, fs []Key) string {
	if c := closestKey(key, fs); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return "valid keys here: " + keyList(fs)
}

// closestKey is the key of fs that key is likely a typo of, or "".
func closestKey(key string, fs []Key) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return diag.Closest(key, names)
}

func keyList(fs []Key) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func nfc(s string) string { return norm.NFC.String(s) }
