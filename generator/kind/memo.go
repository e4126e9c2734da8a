package kind

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/model"
)

// KindMemo is the tjänsteskrivelse's name.
const KindMemo model.Kind = "tjänsteskrivelse"

// Memo is the tjänsteskrivelse: an official's memo to a committee with a
// proposal for decision.
func Memo() Kind {
	return Kind{
		Name:     KindMemo,
		Doc:      "Tjänsteskrivelse: en skrivelse till en nämnd med sammanfattning, förslag till beslut och beslutsunderlag.",
		New:      func() model.Document { return new(model.Memo) },
		Template: "tjansteskrivelse.md.tmpl",
		Check:    func(c *check.Checker, d model.Document) { checkMemo(c, d.(*model.Memo)) },
		// A memo is filed and cited by its date and case number.
		Requires: []string{"datum", "diarienummer"},
		Files: func(d model.Document) []model.FileRef {
			var refs []model.FileRef
			for i, b := range d.(*model.Memo).Basis {
				if b.File != "" {
					refs = append(refs, model.FileRef{Field: fmt.Sprintf("beslutsunderlag[%d].fil", i), Path: b.File})
				}
			}
			return refs
		},
		Cites: func(d model.Document) []Citation {
			var cs []Citation
			for i, b := range d.(*model.Memo).Basis {
				cs = append(cs, Citation{Field: fmt.Sprintf("beslutsunderlag[%d].titel", i), Title: b.Title, File: b.File})
			}
			return cs
		},
	}
}

func checkMemo(c *check.Checker, m *model.Memo) {
	c.Committee("nämnd", m.Committee)
	c.Person("handläggare", m.CaseOfficer)
	for i, p := range m.DispatchTo {
		c.Person(fmt.Sprintf("expedieras_till[%d]", i), p)
	}
	for i, b := range m.Basis {
		if strings.TrimSpace(b.Title) == "" && b.Document.IsZero() {
			c.Errorf(fmt.Sprintf("beslutsunderlag[%d]", i), "the entry has neither titel nor dokument; give its title, or the document it refers to")
		}
	}
	if p := m.Proposal; p.Text == "" && len(p.Points) == 0 {
		c.Errorf("förslag_till_beslut", "the proposal has neither text nor points; write it as text, or as inledning and punkter")
	}
}
