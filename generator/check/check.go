// Package check finds what a loaded document gets wrong beyond its own
// syntax: dates in the wrong order, committees and people that are not in
// the registries, duplicate ids. These are faults in the data itself, which
// no organisation would switch off; what a reviewer would object to
// (placeholders, undefined abbreviations, dates that disagree, status rows
// the directive does not have) is generator/lint's, whose rules a profile
// can tune.
//
// The loader has already checked types, keys and required fields; check
// works on the typed model and reports at the positions the loader
// recorded in model.Source.
package check

import (
	"fmt"
	"reflect"
	"strings"

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

// Document checks a loaded document against its registries and the
// directive it references (nil when it has none or it could not be
// loaded): first what every document shares, then the kind's own checks
// (own, from the document's entry in the table of kinds; nil for none). reg may be nil or have nil parts when the data tree has
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
	c.caseNumbers(b.CaseNumber)
}

// caseNumbers reports an empty item in a list of case numbers and a
// number given twice: both are slips (a stray item, a copied line) that
// would otherwise be dropped or printed twice without a word.
func (c *Checker) caseNumbers(ns model.CaseNumbers) {
	first := map[string]int{}
	for i, n := range ns {
		p := fmt.Sprintf("diarienummer[%d]", i)
		n = strings.TrimSpace(n)
		if n == "" {
			c.Errorf(p, "the case number is empty; write the number, or remove the item")
			continue
		}
		if j, ok := first[n]; ok {
			c.Errorf(p, "case number %q is already diarienummer[%d]; give each number once", n, j)
			continue
		}
		first[n] = i
	}
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
	c.Errorf(path, "committee %q is not in the organisation profile %s; %s", abbr, reg.Organisation.Source.Path, committeeHint(abbr, reg.Organisation.Committees))
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
	c.Errorf(path+".id", "person id %q is not in the people registry %s; %s", p.ID, reg.People.Source.Path, personHint(p.ID, reg.People.Entries))
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
		c.Duplicates("nämnder", len(o.Committees), func(i int) (string, string) {
			if o.Committees[i].Abbrev == "" {
				return "namn", o.Committees[i].Key()
			}
			return "förkortning", o.Committees[i].Key()
		})
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

// text walks every text field of the document for Markdown tables whose
// rows do not match their header. (Placeholders, abbreviations and the
// other review rules are generator/lint's.)
func (c *Checker) text(d model.Document) {
	model.WalkTexts(d, func(t model.TextAt) {
		if t.S != "" {
			c.tables(t.Path, t.S)
		}
	})
}
