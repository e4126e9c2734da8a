package lint

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
	"github.com/underlag/underlag/generator/model"
)

// Levels are the values a profile may give a rule (granskning.regler), in
// Swedish as the profile's keys are: av switches the rule off.
var Levels = []string{"av", "fel", "varning", "info"}

// off is the level of a rule that is switched off.
const off diag.Severity = -1

func parseLevel(s string) (diag.Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "av", "off":
		return off, true
	case "fel", "error":
		return diag.Error, true
	case "varning", "warning":
		return diag.Warning, true
	case "info":
		return diag.Info, true
	}
	return 0, false
}

// config is a linter's rules as one organisation has set them.
type config struct {
	l        *Linter
	level    map[string]diag.Severity // rule id → level, for the rules the profile names
	allow    map[string]bool
	required map[model.Kind][]string
}

// config reads a profile's granskning; entries it cannot use (reported by
// Profile, once, at the profile's own lines) are left out.
func (l *Linter) config(o *model.OrgProfile) *config {
	c := &config{l: l, level: map[string]diag.Severity{}, allow: map[string]bool{}, required: map[model.Kind][]string{}}
	if o == nil {
		return c
	}
	r := o.Review
	for id, v := range r.Rules {
		if lv, ok := parseLevel(v); ok {
			c.level[id] = lv
		}
	}
	for _, w := range r.Allow {
		c.allow[strings.TrimSpace(w)] = true
	}
	for _, k := range r.Required {
		c.required[k.Kind] = append(c.required[k.Kind], k.Fields...)
	}
	return c
}

// off reports whether the profile switches the rule off.
func (c *config) off(id string) bool {
	lv, ok := c.level[id]
	return ok && lv == off
}

// finish gives each finding its configured severity, drops those switched
// off or ignored by a comment, and sorts the rest.
func (c *config) finish(found []finding) diag.List {
	var out diag.List
	for _, f := range found {
		if lv, ok := c.level[f.d.Rule]; ok {
			if lv == off {
				continue
			}
			f.d.Severity = lv
		}
		if ignored(f.src, f.d.Rule, f.d.Line, f.fieldLine) {
			continue
		}
		out = append(out, f.d)
	}
	out.Sort()
	return out
}

// Profile checks an organisation profile's granskning: rule ids that do
// not exist, levels that are not av, fel, varning or info, kinds that are
// not registered, and required fields the kind does not have. The
// linter's config leaves such entries out, so that one mistake in the
// profile is reported once here, not in every document.
func (l *Linter) Profile(o *model.OrgProfile, kinds *kind.Registry) diag.List {
	if o == nil || o.Source == nil {
		return nil
	}
	var out diag.List
	at := func(path, format string, args ...any) {
		p := o.Source.Pos(path)
		out.Add(diag.Diagnostic{File: o.Source.Path, Line: p.Line, Col: p.Col, Path: path, Msg: fmt.Sprintf(format, args...),
			Excerpt: model.LineOf(o.Source.Data, p.Line)})
	}
	ids := make([]string, 0, len(o.Review.Rules))
	for id := range o.Review.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		path := "granskning.regler." + id
		if _, ok := l.Rule(id); !ok {
			at(path, "no review rule %q; %s", id, oneOf(id, l.IDs()))
		}
		if _, ok := parseLevel(o.Review.Rules[id]); !ok {
			at(path, "level %q is not one of %s", o.Review.Rules[id], strings.Join(Levels, ", "))
		}
	}
	for i, req := range o.Review.Required {
		base := fmt.Sprintf("granskning.kräver[%d]", i)
		k, ok := kinds.Lookup(req.Kind)
		if !ok {
			at(base+".typ", "no document kind %q; %s", req.Kind, oneOf(string(req.Kind), kinds.Names()))
			continue
		}
		doc := k.New()
		for j, f := range req.Fields {
			if _, ok := field(doc, f); ok {
				continue
			}
			parent, last := "", f
			if i := strings.LastIndex(f, "."); i >= 0 {
				parent, last = f[:i], f[i+1:]
			}
			at(fmt.Sprintf("%s.fält[%d]", base, j), "a %s has no field %q; %s", req.Kind, f, oneOf(last, fieldKeys(doc, parent)))
		}
	}
	out.Sort()
	return out
}

// oneOf says what would be valid instead of s: the closest name as a
// suggestion, or the list.
func oneOf(s string, valid []string) string {
	if c := diag.Closest(s, valid); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	if len(valid) == 0 {
		return "there are none"
	}
	return "valid: " + strings.Join(valid, ", ")
}

// ignored reports whether a comment `# underlag:ignore ID` names the rule
// on the finding's line or on its field's line (a block of text cannot
// hold a comment, but its key's line can), or on a line of only that
// comment just above either.
func ignored(src *model.Source, rule string, lines ...int) bool {
	if src == nil {
		return false
	}
	for _, n := range lines {
		if n < 1 {
			continue
		}
		if ids, _ := ignoreComment(lineOf(src.Data, n)); contains(ids, rule) {
			return true
		}
		if ids, alone := ignoreComment(lineOf(src.Data, n-1)); alone && contains(ids, rule) {
			return true
		}
	}
	return false
}

func contains(ids []string, id string) bool {
	for _, i := range ids {
		if i == id {
			return true
		}
	}
	return false
}

// lineOf is the 1-based line n of data, or nil.
func lineOf(data []byte, n int) []byte {
	if n < 1 {
		return nil
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return nil
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return data
}

const ignoreMark = "underlag:ignore"

// ignoreComment returns the rule ids of a `# underlag:ignore ID …` comment
// on a line, and whether the comment is all the line holds. The ids are
// separated by spaces or commas and end at anything that is not an id, so
// the comment may go on to say why.
func ignoreComment(line []byte) (ids []string, alone bool) {
	s := string(line)
	for from := 0; ; {
		i := strings.Index(s[from:], "#")
		if i < 0 {
			return nil, false
		}
		i += from
		from = i + 1
		if i > 0 && s[i-1] != ' ' && s[i-1] != '\t' {
			continue
		}
		rest := strings.TrimLeft(s[i+1:], " \t")
		if !strings.HasPrefix(rest, ignoreMark) || (len(rest) > len(ignoreMark) && !strings.ContainsRune(" \t,", rune(rest[len(ignoreMark)]))) {
			continue
		}
		for _, f := range strings.FieldsFunc(rest[len(ignoreMark):], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
			if !idPattern().MatchString(f) {
				break
			}
			ids = append(ids, f)
		}
		return ids, strings.TrimSpace(s[:i]) == ""
	}
}
