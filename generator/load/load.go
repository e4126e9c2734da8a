// Package load reads underlag's YAML files into the typed models of
// generator/model.
//
// Decoding is strict and reports every problem in a file at once, each with
// the file, line, column and field path and what would be valid: an unknown
// key gets a "did you mean" suggestion, a wrong type says what was expected,
// a missing required key is named. Files that are not YAML text at all
// (binary, too large, a directory, an alias bomb) are refused early with one
// clear diagnostic, never a panic.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/underlag/underlag/generator/confine"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// MaxFileSize is the largest file the loader reads. Real documents are a
// few kilobytes; a file far larger is a mistake (a PDF given instead of its
// data file, a log), and refusing it before reading keeps memory bounded.
const MaxFileSize = 10 << 20

// aliasBudget bounds how many more YAML nodes a document may have once its
// aliases (*name) are followed than it has as written. It stops a "billion
// laughs" file, a few hundred bytes that expand to billions of nodes,
// before the decoder walks it, while a large file without aliases is only
// bounded by MaxFileSize.
const aliasBudget = 100_000

// Loader loads files. It is safe for concurrent use: a build loads
// documents in parallel. What several documents share (registries, the
// directives they refer to) is read once and cached; a document itself is
// not, so that a build of any number of documents keeps only what they
// share in memory.
//
// Loaded models are shared between callers and must not be modified.
type Loader struct {
	kinds *kind.Registry
	roots []string // extra directories references may point into, absolute and without symlinks
	// metadata are the fields -M sets on every document (metadata.go).
	metadata []Metadata

	mu    sync.Mutex
	files *lru[*entry]
	regs  *lru[*regEntry]
	trees *lru[*treeKinds]
	tmpls *lru[*tmplEntry]
	// serial are, per data tree and kind, the tree's files that may be
	// documents of the kind (see series.go): found once per Loader.
	serial *lru[*seriesEntry]
}

// cacheSize bounds each of the Loader's caches. A build visits documents
// in path order, so the registries and directives the next documents share
// are almost always among the last few dozen read; a miss only reads a
// small file again.
const cacheSize = 64

var reflectTypeOfCommon = reflect.TypeFor[model.Common]()

type entry struct {
	once  sync.Once
	v     any
	diags diag.List
}

type regEntry struct {
	once  sync.Once
	reg   *model.Registries
	diags diag.List
}

// Option configures a Loader.
type Option func(*Loader)

// WithRoots widens where a document's references (logo, directive,
// attachments) may point: besides the document's own data tree, into
// these directories too (the --root flag).
func WithRoots(dirs ...string) Option {
	return func(l *Loader) {
		for _, d := range dirs {
			if r, err := realDir(d); err == nil {
				l.roots = append(l.roots, r)
			}
		}
	}
}

// New returns an empty Loader that reads the kinds of the registry.
func New(kinds *kind.Registry, opts ...Option) *Loader {
	l := &Loader{kinds: kinds, files: newLRU[*entry](cacheSize), regs: newLRU[*regEntry](cacheSize), trees: newLRU[*treeKinds](cacheSize), tmpls: newLRU[*tmplEntry](cacheSize), serial: newLRU[*seriesEntry](cacheSize)}
	for _, o := range opts {
		o(l)
	}
	return l
}

func cacheKey(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// File loads one YAML file of any kind. It returns *model.Directive,
// *model.Memo, *model.StatusReport, *model.OrgProfile, *model.Glossary or
// *model.People with its Source set. When the list holds errors the value
// may be nil or partly filled and should not be used to make a document.
func (l *Loader) File(path string) (any, diag.List) {
	l.mu.Lock()
	e := l.files.getOrAdd(cacheKey(path), func() *entry { return &entry{} })
	l.mu.Unlock()
	e.once.Do(func() { e.v, e.diags = l.readFile(path) })
	return e.v, e.diags
}

func (l *Loader) readFile(path string) (any, diag.List) {
	fail := func(format string, args ...any) (any, diag.List) {
		return nil, diag.List{{File: path, Msg: fmt.Sprintf(format, args...)}}
	}
	roots := l.treeRoots(path)
	data, err := confine.ReadFile(roots, path, MaxFileSize)
	var tl *confine.TooLargeError
	switch {
	case err == nil:
		return l.Bytes(path, data)
	case errors.Is(err, fs.ErrNotExist):
		return fail("file does not exist")
	case errors.Is(err, confine.ErrOutside):
		return fail("is a link to a file outside the data tree (%s); a data file is read only inside it: copy the file in, or widen the tree with --root DIR", strings.Join(displayRoots(roots), ", "))
	case errors.Is(err, confine.ErrNotRegular) && isDir(path):
		return fail("is a directory, not a YAML file (give a file, or use `underlag validate %s` to check every file in it)", path)
	case errors.Is(err, confine.ErrNotRegular):
		return fail("is not a regular file")
	case errors.As(err, &tl):
		return fail("file is %v: a data file is a few kilobytes of YAML text", err)
	}
	return fail("cannot read: %v", err)
}

// treeRoots are the directories a data file may be read from: its data
// tree (the directory of the nearest organisation.yaml, else its own
// directory) and the roots given with WithRoots.
func (l *Loader) treeRoots(path string) []string {
	top := findRoot(filepath.Dir(path))
	if top == "" {
		top = filepath.Dir(path)
	}
	return append([]string{top}, l.roots...)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooLarge(n, limit int64) string { return confine.TooLarge(n, limit) }

// registryTypes maps each registry kind to the model type its files decode
// into; the document kinds come from the Loader's table of kinds.
var registryTypes = map[model.Kind]reflect.Type{
	model.KindOrganisation: reflect.TypeFor[model.OrgProfile](),
	model.KindGlossary:     reflect.TypeFor[model.Glossary](),
	model.KindPeople:       reflect.TypeFor[model.People](),
	model.KindDefinition:   reflect.TypeFor[model.KindSpec](),
}

// TypeOf returns the model type files of the given kind decode into.
func (l *Loader) TypeOf(k model.Kind) (reflect.Type, bool) {
	if t, ok := registryTypes[k]; ok {
		return t, true
	}
	if kk, ok := l.kinds.Lookup(k); ok {
		return kk.DecodeType(), true
	}
	return nil, false
}

// KindNames lists every kind a file may be: the documents', then the
// registries'.
func (l *Loader) KindNames() []string {
	names := l.kinds.Names()
	for _, k := range model.RegistryKinds {
		names = append(names, string(k))
	}
	return append(names, string(model.KindDefinition))
}

// Bytes loads a file's contents from memory with the built-in kinds; see
// Loader.Bytes.
func Bytes(path string, data []byte) (any, diag.List) {
	return New(kind.Default()).Bytes(path, data)
}

// Bytes loads a file's contents from memory; path is used for messages and
// as Source.Path. It never panics.
func (l *Loader) Bytes(path string, data []byte) (v any, diags diag.List) {
	defer func() {
		if r := recover(); r != nil {
			v, diags = nil, diag.List{{File: path, Msg: fmt.Sprintf("internal error while reading the file (please report): %v", r)}}
		}
	}()
	fail := func(line, col int, format string, args ...any) (any, diag.List) {
		return nil, diag.List{{File: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}}
	}
	if len(data) > MaxFileSize {
		return fail(0, 0, "file is too large (%s): a data file is a few kilobytes of YAML text", tooLarge(int64(len(data)), MaxFileSize))
	}
	if d, bad := textError(path, data); bad {
		return nil, diag.List{d}
	}
	if onlyComments(data) {
		return fail(1, 1, "empty file: a data file starts with `typ:` (%s) and `version: %d`", l.kindList(), model.FormatVersion)
	}

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, diag.List{syntaxError(path, data, err)}
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return fail(second.Line, second.Column, "the file holds more than one YAML document (a line `---` starts another); write one document per file")
	} else if !errors.Is(err, io.EOF) {
		return nil, diag.List{syntaxError(path, data, err)}
	}

	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return fail(1, 1, "empty file: a data file starts with `typ:` (%s) and `version: %d`", l.kindList(), model.FormatVersion)
		}
		root = root.Content[0]
	}
	if err := checkAliases(root); err != nil {
		return nil, diag.List{{File: path, Line: err.node.Line, Col: err.node.Column, Msg: err.msg}}
	}
	root = resolve(root)
	if root.Kind != yaml.MappingNode {
		return fail(root.Line, root.Column, "expected a mapping of keys starting with `typ:` and `version:`, found %s", describe(root))
	}

	k, kk, head := l.readHead(path, root)
	if head.HasErrors() {
		return nil, withExcerpts(head, data)
	}
	var fromFlags map[string]Metadata
	if kk != nil && len(l.metadata) > 0 {
		var bad diag.List
		fromFlags, bad = setMetadata(root, l.metadata)
		if bad.HasErrors() {
			for i := range bad {
				bad[i].File = path
			}
			return nil, bad
		}
	}
	var t reflect.Type
	if kk != nil {
		t = kk.DecodeType()
	} else {
		t = registryTypes[k]
	}
	val := reflect.New(t)
	src := &model.Source{Path: path, Data: data, Positions: map[string]model.Pos{}}
	d := &decoder{file: path, pos: src.Positions}
	d.decode(root, val.Elem(), "", "")
	if f := val.Elem().FieldByName("Source"); f.IsValid() {
		f.Set(reflect.ValueOf(src))
	} else {
		val.Elem().FieldByName("Common").FieldByName("Source").Set(reflect.ValueOf(src))
	}
	head = append(head, d.diags...)
	head = append(head, foldedItems(path, data, root, src.Positions)...)
	head = blameMetadata(head, fromFlags, path)
	head.Sort()
	head = withExcerpts(head, data)
	if kk != nil && kk.Wrap != nil {
		return kk.Wrap(val), head
	}
	return val.Interface(), head
}

// readHead reads typ and version, which decide how the rest is read: a
// registry's kind, or a document kind from the table of kinds or, failing
// that, from the kinds the file's data tree defines.
func (l *Loader) readHead(path string, root *yaml.Node) (model.Kind, *kind.Kind, diag.List) {
	var diags diag.List
	var typ, ver *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := resolve(root.Content[i])
		if k == nil || k.Kind != yaml.ScalarNode {
			continue
		}
		switch k.Value {
		case "typ":
			typ = resolve(root.Content[i+1])
		case "version":
			ver = resolve(root.Content[i+1])
		}
	}
	var name model.Kind
	var kk *kind.Kind
	switch {
	case typ == nil:
		diags.Addf(path, root.Line, root.Column, "typ", "required key \"typ\" is missing: say what the file is, one of %s", l.kindList())
	case typ.Kind != yaml.ScalarNode || isNull(typ):
		diags.Addf(path, typ.Line, typ.Column, "typ", "expected one of %s, found %s", l.kindList(), describe(typ))
	default:
		name = model.Kind(nfc(typ.Value))
		if _, ok := registryTypes[name]; ok {
			break
		}
		var ok bool
		if kk, ok = l.kinds.Lookup(name); ok {
			break
		}
		tree, ds := l.TreeKinds(filepath.Dir(path))
		if kk, ok = tree.Lookup(name); ok {
			break
		}
		diags = append(diags, ds...)
		names := tree.Names()
		for _, k := range model.RegistryKinds {
			names = append(names, string(k))
		}
		diags.Addf(path, typ.Line, typ.Column, "typ", "unknown typ %q; %s", typ.Value, oneOf(typ.Value, append(names, string(model.KindDefinition))))
	}
	switch {
	case ver == nil:
		diags.Addf(path, root.Line, root.Column, "version", "required key \"version\" is missing: add `version: %d`, the format version this file is written for", model.FormatVersion)
	case ver.Kind != yaml.ScalarNode || ver.Tag != "!!int":
		diags.Addf(path, ver.Line, ver.Column, "version", "expected the format version as a number (%d), found %s", model.FormatVersion, describe(ver))
	case ver.Value != fmt.Sprint(model.FormatVersion):
		diags.Addf(path, ver.Line, ver.Column, "version", "format version %s is not supported: this build of underlag reads version %d", ver.Value, model.FormatVersion)
	}
	return name, kk, diags
}

func (l *Loader) kindList() string {
	return strings.Join(l.KindNames(), ", ")
}

// onlyComments reports whether every line of data is blank or a comment,
// so that a file holding only a schema comment counts as empty. It
// stops at the first other line, which is most files' first or second.
func onlyComments(data []byte) bool {
	for line := range bytes.SplitSeq(data, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			return false
		}
	}
	return true
}

type aliasError struct {
	node *yaml.Node
	msg  string
}

// checkAliases refuses alias cycles and documents whose aliases add more
// than aliasBudget nodes. It counts each node's expanded size once
// (memoised), so it is linear in the file however much the aliases would
// expand.
func checkAliases(root *yaml.Node) *aliasError {
	const inProgress = -1
	maxNodes := countNodes(root, 0) + aliasBudget
	sizes := map[*yaml.Node]int{}
	var firstAlias *yaml.Node
	var walk func(n *yaml.Node, depth int) (int, *aliasError)
	walk = func(n *yaml.Node, depth int) (int, *aliasError) {
		if n == nil {
			return 0, nil
		}
		if depth > 1000 {
			return 0, &aliasError{n, "the YAML is nested too deeply"}
		}
		if s, ok := sizes[n]; ok {
			if s == inProgress {
				return 0, &aliasError{n, fmt.Sprintf("alias *%s refers to the value that contains it (the anchor &%s is around the alias); an alias may only repeat a value written before it, outside it", n.Anchor, n.Anchor)}
			}
			return s, nil
		}
		sizes[n] = inProgress
		total := 1
		if n.Kind == yaml.AliasNode {
			if firstAlias == nil {
				firstAlias = n
			}
			s, err := walk(n.Alias, depth+1)
			if err != nil {
				if err.node == n.Alias {
					err.node = n
				}
				return 0, err
			}
			total += s
		}
		for _, c := range n.Content {
			s, err := walk(c, depth+1)
			if err != nil {
				return 0, err
			}
			total += s
			if total > maxNodes {
				break
			}
		}
		if total > maxNodes {
			at := firstAlias
			if at == nil {
				at = n
			}
			return 0, &aliasError{at, fmt.Sprintf("the YAML's aliases (*name) expand to more than %d values beyond those written; refusing a file that would blow up in memory", aliasBudget)}
		}
		sizes[n] = total
		return total, nil
	}
	_, err := walk(root, 0)
	return err
}

// countNodes counts the nodes as written, not following aliases.
func countNodes(n *yaml.Node, depth int) int {
	if n == nil || depth > 1000 {
		return 0
	}
	total := 1
	for _, c := range n.Content {
		total += countNodes(c, depth+1)
	}
	return total
}

// Registries finds the registries for a document in dir: the files
// organisation.yaml, ordlista.yaml and personer.yaml in dir or in the
// nearest ancestor directory that has organisation.yaml, the way the go
// command finds go.mod. Registries that do not exist are nil; a tree
// without organisation.yaml gets empty Registries. Results are cached per
// directory.
func (l *Loader) Registries(dir string) (*model.Registries, diag.List) {
	key := cacheKey(dir)
	l.mu.Lock()
	e := l.regs.getOrAdd(key, func() *regEntry { return &regEntry{} })
	l.mu.Unlock()
	e.once.Do(func() { e.reg, e.diags = l.findRegistries(dir) })
	return e.reg, e.diags
}

func (l *Loader) findRegistries(dir string) (*model.Registries, diag.List) {
	reg := &model.Registries{}
	root := findRoot(dir)
	if root == "" {
		return reg, nil
	}
	var diags diag.List
	load := func(name string, want model.Kind) any {
		p := filepath.Join(root, name)
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) && want != model.KindOrganisation {
			return nil
		}
		v, ds := l.File(p)
		diags = append(diags, ds...)
		if v == nil {
			return nil
		}
		if k := kindOf(v); k != want {
			diags.Addf(p, 0, 0, "typ", "%s must be of typ %s, not %s", name, want, k)
			return nil
		}
		return v
	}
	if v, ok := load(model.OrganisationFile, model.KindOrganisation).(*model.OrgProfile); ok {
		reg.Organisation = v
	}
	if v, ok := load(model.GlossaryFile, model.KindGlossary).(*model.Glossary); ok {
		reg.Glossary = v
	}
	if v, ok := load(model.PeopleFile, model.KindPeople).(*model.People); ok {
		reg.People = v
	}
	return reg, diags
}

// findRoot returns dir or its nearest ancestor holding organisation.yaml,
// or "" when there is none.
func findRoot(dir string) string {
	d := dir
	if abs, err := filepath.Abs(dir); err == nil {
		d = abs
	}
	for {
		if st, err := os.Stat(filepath.Join(d, model.OrganisationFile)); err == nil && !st.IsDir() {
			// Keep the path relative when the caller's was, so messages
			// show the path the user typed.
			if !filepath.IsAbs(dir) {
				if rel, err := filepath.Rel(mustAbs("."), d); err == nil {
					return rel
				}
			}
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// kindOf returns the kind of a loaded model, as its typ says.
func kindOf(v any) model.Kind {
	if h, ok := v.(interface{ FileHead() *model.Head }); ok {
		return h.FileHead().Type
	}
	return ""
}

// withExcerpts gives each diagnostic with a line the text of that line of
// data, for the caret (typ: and version: errors too, which end the load
// before the rest is decoded).
func withExcerpts(ds diag.List, data []byte) diag.List {
	for i := range ds {
		if ds[i].Line > 0 && ds[i].Excerpt == "" {
			ds[i].Excerpt = model.LineOf(data, ds[i].Line)
		}
	}
	return ds
}
