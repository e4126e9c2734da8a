package lint

import (
	"path/filepath"
	"strings"
	"unicode"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/load"
	"github.com/underlag/underlag/generator/model"
)

// basisTitle compares what each document names of others (a memo's
// decision basis: kind.Kind.Cites) with the documents of the tree: one it
// names by file (fil:) must carry the title the basis gives it, and a
// title close to a document's title, but not the same, is most likely that
// document misnamed. Titles are compared within the memo's own
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
		cites := citesOf(in)
		if len(cites) == 0 {
			continue
		}
		src := in.Doc.Base().Source
		at := c.In(src)
		for _, b := range cites {
			if b.Title == "" {
				continue
			}
			path := b.Field
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
