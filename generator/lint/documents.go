package lint

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

func statusBeforeDirective(c *Context, in load.Input) {
	s, ok := in.Doc.(*model.StatusReport)
	if !ok || in.Directive == nil || in.Directive.Date.IsZero() {
		return
	}
	path, asOf := "datum", s.Date
	if asOf.IsZero() {
		path, asOf = "period.till", s.Period.To
	}
	if asOf.Before(in.Directive.Date) {
		c.Report(path, "the report is dated %s, before its directive %s (%s)", asOf, s.Directive, in.Directive.Date)
	}
}

func statusUnknownID(c *Context, in load.Input) {
	s, ok := in.Doc.(*model.StatusReport)
	if !ok || in.Directive == nil {
		return
	}
	dir := in.Directive
	acts, points := dir.ActivityIDs(), dir.PointIDs()
	for i, a := range s.Activities {
		if _, ok := dir.Activity(a.ID); a.ID != "" && !ok {
			c.Report(fmt.Sprintf("aktiviteter[%d].id", i), "the directive %s has no delaktivitet with id %q; %s", s.Directive, a.ID, check.Valid(acts, "its delaktiviteter have no id"))
		}
	}
	for i, m := range s.Milestones {
		if _, ok := dir.Point(m.ID); m.ID != "" && !ok {
			c.Report(fmt.Sprintf("milstolpar[%d].beslutspunkt", i), "the directive %s has no milstolpe or beslutspunkt %q; %s", s.Directive, m.ID, check.Valid(points, "it has no milstolpar"))
		}
	}
}

func statusComment(c *Context, in load.Input) {
	s, ok := in.Doc.(*model.StatusReport)
	if ok && s.Status.Level != "" && strings.TrimSpace(string(s.Status.Comment)) == "" {
		c.Report("status", "the status %s has no kommentar", s.Status.Level)
	}
}

// basisTitle compares each memo's decision basis with the documents of the
// tree: one it names by file (fil:) must carry the title the basis gives
// it, and a title close to a document's title, but not the same, is most
// likely that document misnamed. Titles are compared within the memo's own
// organisation (a basis names its own organisation's documents), and only
// those whose lengths are close enough to be near, so that a tree of
// thousands of documents is not compared pair by pair.
func basisTitle(c *Context, ins []load.Input) {
	type entry struct {
		in  load.Input
		key string // titleKey of the title
		n   int    // its length in runes
	}
	byPath := map[string]load.Input{}
	byOrg := map[*model.OrgProfile][]entry{}
	for _, in := range ins {
		byPath[absPath(in.Doc.Base().Source.Path)] = in
		if t := strings.TrimSpace(in.Doc.Base().Title); t != "" {
			k := titleKey(t)
			byOrg[profileOf(in)] = append(byOrg[profileOf(in)], entry{in, k, len([]rune(k))})
		}
	}
	for _, in := range ins {
		m, ok := in.Doc.(*model.Memo)
		if !ok {
			continue
		}
		src := m.Source
		at := c.In(src)
		for i, b := range m.Basis {
			if b.Title == "" {
				continue
			}
			path := fmt.Sprintf("beslutsunderlag[%d].titel", i)
			if b.File != "" {
				other, ok := byPath[absPath(filepath.Join(filepath.Dir(src.Path), b.File))]
				if !ok {
					continue
				}
				if t := strings.TrimSpace(other.Doc.Base().Title); t != "" && !sameTitle(b.Title, t) && !generic(b.Title, other) {
					at.Report(path, "the basis names %s %q, but that document is titled %q", b.File, b.Title, t)
				}
				continue
			}
			bk := titleKey(b.Title)
			bn := len([]rune(bk))
			for _, e := range byOrg[profileOf(in)] {
				if e.in.Doc == in.Doc || bn < 12 || e.n < 12 || abs(bn-e.n) > max(bn, e.n)/10 {
					continue
				}
				t := strings.TrimSpace(e.in.Doc.Base().Title)
				if sameTitle(b.Title, t) {
					continue
				}
				if nearTitle(b.Title, t) {
					at.Report(path, "the basis names %q, but the document %s is titled %q", b.Title, e.in.Doc.Base().Source.Path, t)
				}
			}
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// generic reports whether a basis names a document by its kind alone,
// perhaps with a date ("Uppdragsdirektiv 2024-11-18"), as decision bases
// often do: not a title, so not a wrong one.
func generic(basis string, doc load.Input) bool {
	k := titleKey(string(doc.Doc.Base().Type))
	rest, ok := strings.CutPrefix(titleKey(basis), k)
	return ok && k != "" && strings.Trim(rest, " 0123456789") == ""
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// titleKey is a title as compared: lower case, words only, so that quotes,
// punctuation and line breaks do not count.
func titleKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// sameTitle reports whether a basis title holds the document's whole
// title: as it is, quoted (Rapport ”Titel”) or after the kind
// (Uppdragsdirektiv: Titel).
func sameTitle(basis, title string) bool {
	b, t := titleKey(basis), titleKey(title)
	return b == t || (len(t) > 0 && strings.Contains(" "+b+" ", " "+t+" "))
}

// nearTitle reports whether two titles differ by a few characters only:
// at most one in ten, and at least one.
func nearTitle(a, b string) bool {
	ka, kb := titleKey(a), titleKey(b)
	if ka == kb || len(ka) < 12 || len(kb) < 12 {
		return false
	}
	limit := max(len([]rune(ka)), len([]rune(kb))) / 10
	return diag.Distance(ka, kb) <= limit
}
