// Package lint is underlag's review: the rules a committee secretary would
// apply to a document before it goes out — required fields per kind,
// dates that disagree within a document, documents that disagree with each
// other, names spelled almost like someone else's, placeholders and
// abbreviations nobody defined.
//
// Each rule has a stable id, a default severity, a one-line summary and a
// hint. An organisation switches rules off or changes their severity in
// its profile (organisation.yaml, granskning:), and an author silences one
// finding with a comment on its line:
//
//	risker: xxxx  # underlag:ignore placeholder
//
// `underlag lint`, `validate` and `build` run the same rules: the pipeline
// calls Document for every document it loads, and lint and validate call
// Tree over every document they were given, for the rules that compare
// documents with each other.
//
// What is not a matter of review — a key the loader does not know, a
// person id that is not in the registry, an end before its start — is
// generator/load's and generator/check's, and cannot be switched off.
package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// Rule is one review rule.
type Rule struct {
	// ID names the rule in output, in the profile and in ignore comments:
	// lower case words joined by hyphens, never changed once released.
	ID string
	// Severity is the rule's default: diag.Error fails every run,
	// diag.Warning fails a --strict run, diag.Info never fails.
	Severity diag.Severity
	// Summary says in one line what the rule finds.
	Summary string
	// Hint says how to fix what it finds.
	Hint string
	// Doc checks one document; nil for a rule across documents.
	Doc func(c *Context, in load.Input)
	// Tree checks documents against each other; nil for a rule of one
	// document. It sees every document given to lint or validate that
	// loaded without errors.
	Tree func(c *Context, ins []load.Input)
	// Kinds are the kinds whose documents Doc checks; nil for every kind.
	// A kind's own rules (kind.Kind.Rules) apply to that kind only.
	Kinds []model.Kind
}

// applies reports whether a rule of one document checks documents of
// kind k.
func (r *Rule) applies(k model.Kind) bool {
	return len(r.Kinds) == 0 || slices.Contains(r.Kinds, k)
}

// KindRules are the rules the kinds of a registry bring with them
// (kind.Kind.Rules), each for documents of its own kind only.
func KindRules(kinds *kind.Registry) []Rule {
	var out []Rule
	for _, k := range kinds.All() {
		for _, kr := range k.Rules {
			check := kr.Check
			out = append(out, Rule{ID: kr.ID, Severity: kr.Severity, Summary: kr.Summary, Hint: kr.Hint, Kinds: []model.Kind{k.Name},
				Doc: func(c *Context, in load.Input) {
					check(c, kind.RuleInput{Doc: in.Doc, Directive: in.Directive, Registries: in.Registries, Refs: in.Refs})
				}})
		}
	}
	return out
}

// Linter is a set of rules. It is a value: Default returns a new one with
// the built-in rules, and a test or an organisation may make its own. It
// is read-only once made and safe for concurrent use.
type Linter struct {
	rules []Rule
	byID  map[string]int
}

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`) })

// New returns a linter of the given rules.
func New(rules ...Rule) (*Linter, error) {
	l := &Linter{byID: map[string]int{}}
	for _, r := range rules {
		switch {
		case !idPattern().MatchString(r.ID):
			return nil, fmt.Errorf("lint rule %q: an id is lower-case words joined by hyphens", r.ID)
		case (r.Doc == nil) == (r.Tree == nil):
			return nil, fmt.Errorf("lint rule %s: give exactly one of Doc and Tree", r.ID)
		case r.Summary == "" || r.Hint == "":
			return nil, fmt.Errorf("lint rule %s: a rule needs a summary and a hint", r.ID)
		case r.Severity != diag.Error && r.Severity != diag.Warning && r.Severity != diag.Info:
			return nil, fmt.Errorf("lint rule %s: unknown severity %d", r.ID, r.Severity)
		}
		if _, dup := l.byID[r.ID]; dup {
			return nil, fmt.Errorf("lint rule %s: registered twice", r.ID)
		}
		l.byID[r.ID] = len(l.rules)
		l.rules = append(l.rules, r)
	}
	return l, nil
}

// Default returns a new linter with the built-in rules and those of the
// built-in kinds (kind.Default).
func Default() *Linter {
	l, err := ForKinds(kind.Default())
	if err != nil {
		panic("lint: built-in rules: " + err.Error()) // a programming error, caught by every test
	}
	return l
}

// ForKinds returns a new linter with the built-in rules and those the
// kinds of the registry bring; an error when a kind's rule is malformed
// or takes an id already taken.
func ForKinds(kinds *kind.Registry) (*Linter, error) {
	return New(append(builtin(), KindRules(kinds)...)...)
}

// Rules lists the rules in the order they were registered.
func (l *Linter) Rules() []Rule { return slices.Clone(l.rules) }

// Rule returns the rule with the given id.
func (l *Linter) Rule(id string) (Rule, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Rule{}, false
	}
	return l.rules[i], true
}

// IDs lists the rule ids in the order they were registered.
func (l *Linter) IDs() []string {
	ids := make([]string, len(l.rules))
	for i, r := range l.rules {
		ids[i] = r.ID
	}
	return ids
}

// Document runs the rules of one document and returns their findings, at
// the severities its organisation's profile gives them, without those
// switched off or ignored by a comment, sorted. The profile is the one of
// the document's data tree (in.Registries.Organisation).
func (l *Linter) Document(in load.Input) diag.List {
	if in.Doc == nil || in.Doc.Base().Source == nil {
		return nil
	}
	cfg := l.config(profileOf(in))
	var found []finding
	cache := &textCache{d: in.Doc}
	k := in.Doc.Base().Type
	if in.Kind != nil {
		k = in.Kind.Name
	}
	for i := range l.rules {
		r := &l.rules[i]
		if r.Doc == nil || cfg.off(r.ID) || !r.applies(k) {
			continue
		}
		c := &Context{rule: r, cfg: cfg, src: in.Doc.Base().Source, cache: cache}
		r.Doc(c, in)
		found = append(found, c.found...)
	}
	return cfg.finish(found)
}

// Slim is what the rules that compare documents keep of one: a document
// that names others (a memo's decision basis: kind.Kind.Cites) with what
// it names, its title and source (for positions and ignore comments), any
// other document with its kind, title and path only, and the profile. A tree of any number of documents is then compared without
// keeping their texts.
func Slim(in load.Input) load.Input {
	if in.Doc == nil {
		return load.Input{}
	}
	b := in.Doc.Base()
	common := model.Common{Head: b.Head, Title: b.Title, Date: b.Date}
	out := load.Input{Kind: in.Kind}
	if in.Registries != nil {
		out.Registries = &model.Registries{Organisation: in.Registries.Organisation}
	}
	if cites := citesOf(in); len(cites) > 0 && b.Source != nil {
		// The source's bytes stay, for ignore comments and the place of a
		// title in the text; of its positions, only those of the lists
		// the citations are in (beslutsunderlag).
		lists := map[string]bool{}
		for _, ct := range cites {
			lists[listOf(ct.Field)] = true
		}
		src := &model.Source{Path: b.Source.Path, Positions: map[string]model.Pos{}}
		first, last := 0, 0
		for path, pos := range b.Source.Positions {
			if path == "typ" || lists[listOf(path)] {
				src.Positions[path] = pos
				if lists[listOf(path)] {
					first, last = minPos(first, pos.Line), max(last, pos.Line)
				}
			}
		}
		// Only the basis's lines, and the one above it, keep their text
		// (an ignore comment stands on a finding's line or above it);
		// the rest become empty lines, so that line numbers hold.
		src.Data = keepLines(b.Source.Data, first-1, last)
		common.Source = src
		out.Doc = &cited{Common: common, cites: cites}
		return out
	}
	if b.Source != nil {
		common.Source = &model.Source{Path: b.Source.Path}
	}
	out.Doc = &titled{Common: common}
	return out
}

func minPos(a, b int) int {
	if a == 0 || b < a {
		return b
	}
	return a
}

// keepLines returns data with every line outside [from, to] (1-based)
// emptied, and line breaks kept.
func keepLines(data []byte, from, to int) []byte {
	out := make([]byte, 0, 64)
	line := 1
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		end := len(data)
		if i >= 0 {
			end = i
		}
		if line >= from && line <= to {
			out = append(out, data[:end]...)
		}
		if i < 0 {
			break
		}
		out = append(out, '\n')
		data = data[i+1:]
		line++
	}
	return out
}

// titled is a document reduced to what another document may name of it.
type titled struct{ model.Common }

// cited is a document reduced to what it names of others, for Slim.
type cited struct {
	model.Common
	cites []kind.Citation
}

// citesOf lists the documents a document names, by its kind's Cites.
func citesOf(in load.Input) []kind.Citation {
	switch d := in.Doc.(type) {
	case *cited:
		return d.cites
	case *titled:
		// Slim kept no citations: the kind's Cites wants the whole document.
		return nil
	}
	if _, ok := in.Doc.(*titled); ok {
		return nil // Slim kept no citations: the document names none
	}
	if in.Kind == nil || in.Kind.Cites == nil || in.Doc == nil {
		return nil
	}
	return in.Kind.Cites(in.Doc)
}

// listOf is the top key of a yaml path: "beslutsunderlag" of
// "beslutsunderlag[0].titel".
func listOf(path string) string {
	if i := strings.IndexAny(path, "[."); i >= 0 {
		return path[:i]
	}
	return path
}

// Tree runs the rules that compare documents with each other over the
// documents given (those that loaded, whole or Slim; in any order). Each finding is
// reported in the file it concerns, at the severity that file's profile
// gives it.
func (l *Linter) Tree(ins []load.Input) diag.List {
	var ds []load.Input
	for _, in := range ins {
		if in.Doc != nil && in.Doc.Base().Source != nil {
			ds = append(ds, in)
		}
	}
	if len(ds) == 0 {
		return nil
	}
	slices.SortFunc(ds, func(a, b load.Input) int {
		return strings.Compare(a.Doc.Base().Source.Path, b.Doc.Base().Source.Path)
	})
	// Each finding takes the profile of the file it is in.
	profiles := map[*model.Source]*config{}
	for _, in := range ds {
		profiles[in.Doc.Base().Source] = l.config(profileOf(in))
	}
	var all diag.List
	for i := range l.rules {
		r := &l.rules[i]
		if r.Tree == nil {
			continue
		}
		c := &Context{rule: r, cfg: l.config(nil), src: nil}
		r.Tree(c, ds)
		for _, f := range c.found {
			cfg := profiles[f.src]
			if cfg == nil {
				cfg = c.cfg
			}
			if cfg.off(r.ID) {
				continue
			}
			all = append(all, cfg.finish([]finding{f})...)
		}
	}
	all.Sort()
	return all
}

func profileOf(in load.Input) *model.OrgProfile {
	if in.Registries == nil {
		return nil
	}
	return in.Registries.Organisation
}

// A finding is a diagnostic with the source it is in, for the ignore
// comments, and the line of the field it concerns.
type finding struct {
	d         diag.Diagnostic
	src       *model.Source
	fieldLine int
}

// Context is what a rule reports through. Its methods place a finding at
// a field's position in the file, or at a word inside a field's text.
type Context struct {
	cache  *textCache // the document's texts, shared by its rules
	rule   *Rule
	cfg    *config
	src    *model.Source // the document being checked; nil in a tree rule until In
	found  []finding
	parent *Context // the tree rule's context that collects what In's report
}

// In returns a context that reports into another document's file, for a
// tree rule.
func (c *Context) In(src *model.Source) *Context {
	root := c
	if c.parent != nil {
		root = c.parent
	}
	return &Context{rule: c.rule, cfg: c.cfg, src: src, parent: root}
}

// Allowed reports whether the organisation's profile allows a word
// (granskning.tillåtna): an abbreviation or placeholder it never wants
// flagged.
// The document's own granskning.tillåtna allows a word in it alone.
func (c *Context) Allowed(word string) bool {
	if c.cfg.allow[word] {
		return true
	}
	if c.cache != nil {
		for _, w := range model.AllowedIn(c.cache.d) {
			if strings.TrimSpace(w) == word {
				return true
			}
		}
	}
	return false
}

// Report reports a finding at a field's position.
func (c *Context) Report(path, format string, args ...any) {
	pos := c.src.Pos(path)
	if pos.Line == 0 {
		pos = rootPos(c.src)
	}
	c.add(path, pos.Line, pos.Col, pos.Line, format, args...)
}

// ReportWord reports a finding at a word of a field's text: the first
// whole-word occurrence of word at or after the field's position. A
// multi-line text is long, and its field's position is only where it
// starts. When the word is not found as written (it was folded across
// lines), the finding stays at the field.
func (c *Context) ReportWord(path, word, format string, args ...any) {
	pos := c.src.Pos(path)
	line, col := pos.Line, pos.Col
	if at := find(c.src.Data, c.src.Offset(pos.Line, pos.Col), word); at >= 0 {
		line, col = c.src.LineCol(at)
	}
	c.add(path, line, col, pos.Line, format, args...)
}

// reportIn reports a finding skip bytes into the first occurrence of
// anchor in a field's text: at a word inside a line found by the line.
func (c *Context) reportIn(path, anchor string, skip int, format string, args ...any) {
	pos := c.src.Pos(path)
	line, col := pos.Line, pos.Col
	if at := find(c.src.Data, c.src.Offset(pos.Line, pos.Col), anchor); at >= 0 {
		line, col = c.src.LineCol(at + skip)
	}
	c.add(path, line, col, pos.Line, format, args...)
}

func (c *Context) add(path string, line, col, fieldLine int, format string, args ...any) {
	d := diag.Diagnostic{File: c.src.Path, Line: line, Col: col, Path: path,
		Msg: fmt.Sprintf(format, args...), Severity: c.rule.Severity, Rule: c.rule.ID}
	f := finding{d: d, src: c.src, fieldLine: fieldLine}
	if c.parent != nil {
		c.parent.found = append(c.parent.found, f)
		return
	}
	c.found = append(c.found, f)
}

// rootPos is where a finding about the whole file goes: the line of its
// first key (typ), column 1.
func rootPos(src *model.Source) model.Pos {
	if p := src.Pos("typ"); p.Line > 0 {
		return model.Pos{Line: p.Line, Col: 1}
	}
	return model.Pos{Line: 1, Col: 1}
}

func fmtPath(format string, args ...any) string { return fmt.Sprintf(format, args...) }
