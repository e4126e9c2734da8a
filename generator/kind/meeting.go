package kind

import (
	"fmt"
	"strings"

	"github.com/underlag/underlag/generator/check"
	"github.com/underlag/underlag/generator/model"
)

// The meeting's name, and the names of the documents made from it besides
// its notice: the protocol and one extract per §. Only KindMeeting is a
// `typ:`; the others are views of the same file (see MeetingViews), each
// with its own template and printed name.
const (
	KindMeeting  model.Kind = "sammanträde"
	KindProtocol model.Kind = "protokoll"
	KindExtract  model.Kind = "protokollsutdrag"
)

// Meeting is the sammanträde: a committee's meeting, from which the notice
// with agenda (its own template), the meeting's packet, and after the
// meeting the protocol and its extracts are made (see generator/meeting).
func Meeting() Kind {
	return Kind{
		Name:     KindMeeting,
		Label:    "Kallelse",
		Doc:      "Sammanträde: en nämnds sammanträde med föredragningslista och, efter sammanträdet, utfall per ärende; ger kallelse, möteshandlingar, protokoll och protokollsutdrag.",
		New:      func() model.Document { return new(model.Meeting) },
		Template: "sammantrade.md.tmpl",
		Check:    func(c *check.Checker, d model.Document) { checkMeeting(c, d.(*model.Meeting)) },
		Requires: []string{"datum"},
		Funcs:    meetingFuncs,
		Rules:    meetingRules(),
		FileName: func(d model.Document) string {
			m := d.(*model.Meeting)
			return strings.ToLower(strings.Join([]string{m.Date.ISO(), strings.ReplaceAll(m.Committee, " ", "-"), "sammantrade"}, "-"))
		},
	}
}

// MeetingViews are the protocol's and the extract's entries: the meeting
// kind with another name, printed name and template, for composing the
// same file as another document. They are not registered, so no file can
// say `typ: protokoll`.
func MeetingViews(k *Kind) (protocol, extract *Kind) {
	p, e := *k, *k
	p.Name, p.Label, p.Template = KindProtocol, "Protokoll", "protokoll.md.tmpl"
	e.Name, e.Label, e.Template = KindExtract, "Protokollsutdrag", "protokollsutdrag.md.tmpl"
	return &p, &e
}

// AsMeeting returns the meeting a document is, if it is one.
func AsMeeting(d model.Document) (*model.Meeting, bool) {
	m, ok := d.(*model.Meeting)
	return m, ok
}

func checkMeeting(c *check.Checker, m *model.Meeting) {
	c.Committee("nämnd", m.Committee)
	people := func(path string, ps []model.Person) {
		for i, p := range ps {
			c.Person(fmt.Sprintf("%s[%d]", path, i), p)
		}
	}
	for i, mm := range m.Members {
		c.Person(fmt.Sprintf("ledamöter[%d].person", i), mm.Person)
	}
	for i, mm := range m.Substitutes {
		c.Person(fmt.Sprintf("ersättare[%d].person", i), mm.Person)
	}
	if len(m.Items) == 0 {
		c.Errorf("ärenden", "the meeting has no items; list at least one ärende (with rubrik, or handling naming a memo)")
	}
	for i, it := range m.Items {
		at := fmt.Sprintf("ärenden[%d]", i)
		if strings.TrimSpace(it.Heading) == "" && it.Memo.IsZero() {
			c.Errorf(at, "the item has neither rubrik nor handling; give its heading, or the memo it is about")
		}
		if it.Paragraph < 0 {
			c.Errorf(at+".paragraf", "a § number is 1 or more, not %d", it.Paragraph)
		}
		c.Person(at+".föredragande", it.Presenter)
		people(at+".jäv", it.Disqualified)
		people(at+".lämnar", it.Leaves)
		people(at+".ankommer", it.Arrives)
		people(at+".expedieras_till", it.DispatchTo)
		if v := it.Vote; v != nil {
			for j, cv := range v.Votes {
				c.Person(fmt.Sprintf("%s.omröstning.röster[%d].person", at, j), cv.Person)
			}
		}
	}
	if m.FirstParagraph < 0 {
		c.Errorf("första_paragraf", "a § number is 1 or more, not %d", m.FirstParagraph)
	}
	if a := m.Attendance; a != nil {
		people("närvaro.frånvarande", a.Absent)
		people("närvaro.övriga", a.Others)
		for i, s := range a.Serving {
			c.Person(fmt.Sprintf("närvaro.tjänstgörande_ersättare[%d].person", i), s.Person)
			c.Person(fmt.Sprintf("närvaro.tjänstgörande_ersättare[%d].ersätter", i), s.For)
		}
	}
	if j := m.Adjustment; j != nil {
		c.Person("justering.ordförande", j.Chair)
		c.Person("justering.sekreterare", j.Secretary)
		people("justering.justerare", j.Adjusters)
		if len(j.Adjusters) == 0 {
			c.Errorf("justering.justerare", "the protocol has no adjuster; name at least one member who justifies it with the chair")
		}
	}
}
