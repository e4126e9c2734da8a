package model

import (
	"slices"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/date"
)

// Meeting is a committee's sammanträde: before the meeting its notice and
// agenda (kallelse med föredragningslista) and the items' memos; after it,
// the outcome of each item, from which the protocol and its extracts are
// made. Its datum is the meeting's day.
type Meeting struct {
	Common     `yaml:",inline"`
	Committee  string    `yaml:"nämnd" desc:"Nämnden som sammanträder, ur organisationsregistret: dess förkortning, till exempel HSN." required:"true"`
	Time       string    `yaml:"tid" desc:"Tid, till exempel 09.00–12.00." required:"true"`
	Place      string    `yaml:"plats" desc:"Plats, till exempel Regionens hus, sal A." required:"true"`
	NoticeDate date.Date `yaml:"kallelsedatum" desc:"Dagen kallelsen skickas; en handling i ett ärende ska vara daterad senast då."`
	// FirstParagraph is the meeting's first § number when given; else
	// it continues from the committee's earlier meetings that year.
	FirstParagraph int             `yaml:"första_paragraf" desc:"Sammanträdets första paragrafnummer; utelämnat: närmast efter nämndens föregående sammanträde samma år i dataträdet, eller 1."`
	Members        []MeetingMember `yaml:"ledamöter" desc:"Ledamöter som kallas, med roll (ordförande, vice ordförande) och parti." required:"true"`
	Substitutes    []MeetingMember `yaml:"ersättare" desc:"Ersättare som kallas."`
	Items          []MeetingItem   `yaml:"ärenden" desc:"Ärendena i föredragningslistans ordning." required:"true"`
	// What happened, once the meeting is held.
	Attendance *Attendance `yaml:"närvaro" desc:"Efter sammanträdet: frånvarande ledamöter, tjänstgörande ersättare och övriga närvarande. Med närvaro och beslut görs protokollet."`
	Adjustment *Adjustment `yaml:"justering" desc:"Protokollets justering: ordförande, justerare, sekreterare, plats och dag."`
	Posting    *Posting    `yaml:"anslag" desc:"Anslag om justering på den officiella anslagstavlan."`

	// Earlier are the committee's earlier meetings the same year in the
	// data tree, oldest first; set by the loader (see Serial).
	Earlier []*Meeting `yaml:"-"`
	// Extract is, in the view of the meeting a protocol extract is made
	// from, 1 + the index of the item it extracts; 0 in every other view.
	Extract int `yaml:"-"`
}

// MeetingMember is a member or substitute called to the meeting.
type MeetingMember struct {
	Person Person `yaml:"person" desc:"Personen, ur personregistret (id) eller med namn." required:"true"`
	Role   string `yaml:"roll" desc:"Roll, till exempel ordförande eller vice ordförande; utelämnad: ledamot eller ersättare."`
	Party  string `yaml:"parti" desc:"Parti, till exempel S."`
}

// MeetingItem is one item (ärende) on the agenda, and after the meeting
// its outcome.
type MeetingItem struct {
	Heading    string   `yaml:"rubrik" desc:"Ärendets rubrik; utelämnad när handling anges: handlingens titel."`
	Memo       DocRef   `yaml:"handling" kinds:"tjänsteskrivelse" desc:"Tjänsteskrivelsen i ärendet: sökväg till dess datafil, relativ till den här filen; dess rubrik, diarienummer, handläggare och bilagor står i föredragningslistan, och den och dess bilagor kommer med i möteshandlingarna."`
	CaseNumber string   `yaml:"diarienummer" desc:"Diarienummer för ett ärende utan handling."`
	Presenter  Person   `yaml:"föredragande" desc:"Den som föredrar ärendet; utelämnad: tjänsteskrivelsens handläggare."`
	Paragraph  int      `yaml:"paragraf" desc:"Paragrafnummer, när det ska vara ett annat än det som följer av ordningen."`
	Documents  []string `yaml:"handlingar" desc:"Andra handlingar i ärendet, med titel, för ett ärende utan tjänsteskrivelse."`
	// The outcome.
	Decision     Markdown  `yaml:"beslut" desc:"Efter sammanträdet: nämndens beslut."`
	Motions      []Motion  `yaml:"yrkanden" desc:"Yrkanden: vem som yrkade vad."`
	Procedure    Markdown  `yaml:"beslutsgång" desc:"Beslutsgången: propositionsordning, hur ordföranden fann att nämnden beslutat."`
	Vote         *Vote     `yaml:"omröstning" desc:"Omröstning, när en begärs: vad ja och nej betyder och varje ledamots röst."`
	Dissents     []Dissent `yaml:"reservationer" desc:"Reservationer mot beslutet."`
	Disqualified []Person  `yaml:"jäv" desc:"Ledamöter som på grund av jäv inte deltog i handläggningen."`
	Notes        []Dissent `yaml:"protokollsanteckningar" desc:"Protokollsanteckningar."`
	Leaves       []Person  `yaml:"lämnar" desc:"Ledamöter eller ersättare som lämnar sammanträdet före det här ärendet och inte är med från och med det."`
	Arrives      []Person  `yaml:"ankommer" desc:"Ledamöter eller ersättare som kommer till sammanträdet före det här ärendet och är med från och med det."`
	DispatchTo   []Person  `yaml:"expedieras_till" desc:"Vem utdraget ur protokollet skickas till."`
}

// Motion is a yrkande: who moved what.
type Motion struct {
	Person Person   `yaml:"person" desc:"Den som yrkar." required:"true"`
	Text   Markdown `yaml:"yrkande" desc:"Yrkandet, till exempel bifall till förslaget." required:"true"`
}

// Vote is a votering: what yes and no stand for, and each vote.
type Vote struct {
	Yes   string     `yaml:"ja" desc:"Vad ja-röst betyder, till exempel bifall till arbetsutskottets förslag." required:"true"`
	No    string     `yaml:"nej" desc:"Vad nej-röst betyder." required:"true"`
	Votes []CastVote `yaml:"röster" desc:"Varje tjänstgörande ledamots röst." required:"true"`
}

// CastVote is one member's vote.
type CastVote struct {
	Person Person `yaml:"person" desc:"Ledamoten eller den tjänstgörande ersättaren." required:"true"`
	Vote   string `yaml:"röst" desc:"ja, nej eller avstår." enum:"ja,nej,avstår" required:"true"`
}

// Vote values as written.
const (
	VoteYes     = "ja"
	VoteNo      = "nej"
	VoteAbstain = "avstår"
)

// Counts are a vote's yes, no and abstaining votes.
func (v *Vote) Counts() (yes, no, abstain int) {
	for _, c := range v.Votes {
		switch c.Vote {
		case VoteYes:
			yes++
		case VoteNo:
			no++
		case VoteAbstain:
			abstain++
		}
	}
	return yes, no, abstain
}

// Dissent is a reservation or a protocol note: whose, and, when written,
// its text.
type Dissent struct {
	Person Person   `yaml:"person" desc:"Vem." required:"true"`
	Text   Markdown `yaml:"text" desc:"Skriftlig motivering eller anteckningens text."`
}

// Attendance is who was at the meeting besides the members called.
type Attendance struct {
	Absent  []Person     `yaml:"frånvarande" desc:"Ledamöter som inte var där."`
	Serving []Substitute `yaml:"tjänstgörande_ersättare" desc:"Ersättare som tjänstgjorde, och för vem."`
	Others  []Person     `yaml:"övriga" desc:"Övriga närvarande: tjänstepersoner, sekreterare, föredragande."`
}

// Substitute is a serving substitute and the member whose place it takes.
type Substitute struct {
	Person Person `yaml:"person" desc:"Ersättaren." required:"true"`
	For    Person `yaml:"ersätter" desc:"Ledamoten ersättaren tjänstgör för." required:"true"`
}

// Adjustment is the justering of the protocol.
type Adjustment struct {
	Chair       Person    `yaml:"ordförande" desc:"Ordföranden." required:"true"`
	Adjusters   []Person  `yaml:"justerare" desc:"Justerare." required:"true"`
	Secretary   Person    `yaml:"sekreterare" desc:"Sekreteraren." required:"true"`
	Place       string    `yaml:"plats" desc:"Var protokollet justeras." required:"true"`
	Date        date.Date `yaml:"datum" desc:"Dagen protokollet justeras; högst 14 dagar efter sammanträdet (kommunallagen 6 kap. 35 §)."`
	Transaction string    `yaml:"transaktions_id" desc:"För digital justering: e-underskriftstjänstens transaktions-id; då ritas inga underskriftsfält."`
}

// Posting is the anslag: notice on the official notice board that the
// protocol has been justified.
type Posting struct {
	Date  date.Date `yaml:"datum" desc:"Dagen anslaget sätts upp; senast andra dagen efter justeringen (kommunallagen 8 kap. 12 §)." required:"true"`
	Until date.Date `yaml:"till" desc:"Dagen anslaget tas ned; utelämnad: tre veckor efter anslagsdagen, tiden för laglighetsprövning (13 kap. 5 §)."`
	Kept  string    `yaml:"förvaringsplats" desc:"Var protokollet förvaras, till exempel Regionkansliet, Umeå." required:"true"`
}

// Addressees is the committee that meets.
func (m *Meeting) Addressees(*Directive) []string { return []string{m.Committee} }

// Held reports whether the meeting has an outcome: attendance or any
// item's decision. The protocol and its extracts are made only then.
func (m *Meeting) Held() bool {
	if m.Attendance != nil || m.Adjustment != nil {
		return true
	}
	for _, it := range m.Items {
		if strings.TrimSpace(string(it.Decision)) != "" {
			return true
		}
	}
	return false
}

// Follows reports whether other is an earlier meeting of the same
// committee in the same year: its § numbers come before m's.
func (m *Meeting) Follows(other Document) bool {
	o, ok := other.(*Meeting)
	if !ok || o == m || o.Committee != m.Committee || o.Date.IsZero() || m.Date.IsZero() {
		return false
	}
	return o.Date.First().Year() == m.Date.First().Year() && o.Date.Before(m.Date)
}

// Paragraphs are the § numbers of the meeting's items, in agenda order:
// an item's own paragraf, else one after the item before it; the first
// item's is the meeting's första_paragraf, else one after the last § of
// the committee's latest earlier meeting that year (Earlier), else 1.
func (m *Meeting) Paragraphs() []int {
	start := m.FirstParagraph
	if start <= 0 {
		start = 1
		if n := len(m.Earlier); n > 0 {
			prev := m.Earlier[n-1]
			earlier := *prev
			earlier.Earlier = m.Earlier[:n-1]
			if ps := earlier.Paragraphs(); len(ps) > 0 {
				start = ps[len(ps)-1] + 1
			} else {
				start = earlier.start()
			}
		}
	}
	out := make([]int, len(m.Items))
	next := start
	for i, it := range m.Items {
		if it.Paragraph > 0 {
			next = it.Paragraph
		}
		out[i] = next
		next++
	}
	return out
}

// start is the § the meeting would begin with if it had items.
func (m *Meeting) start() int {
	if m.FirstParagraph > 0 {
		return m.FirstParagraph
	}
	return 1
}

// Present lists, per item, who takes part in it: the members called who
// are not absent, the serving substitutes, with those who left before an
// item gone from it on and those who arrived present from it on, and
// without those disqualified (jäv) from that item. Names are as written
// (an id or a name); see Key.
func (m *Meeting) Present() [][]Person {
	here := []Person{}
	absent := map[string]bool{}
	if m.Attendance != nil {
		for _, p := range m.Attendance.Absent {
			absent[p.Key()] = true
		}
	}
	for _, mm := range m.Members {
		if !absent[mm.Person.Key()] {
			here = append(here, mm.Person)
		}
	}
	if m.Attendance != nil {
		for _, s := range m.Attendance.Serving {
			here = append(here, s.Person)
		}
	}
	out := make([][]Person, len(m.Items))
	for i, it := range m.Items {
		gone := map[string]bool{}
		for _, p := range it.Leaves {
			gone[p.Key()] = true
		}
		var now []Person
		for _, p := range here {
			if !gone[p.Key()] {
				now = append(now, p)
			}
		}
		now = append(now, it.Arrives...)
		here = now
		jav := map[string]bool{}
		for _, p := range it.Disqualified {
			jav[p.Key()] = true
		}
		for _, p := range here {
			if !jav[p.Key()] {
				out[i] = append(out[i], p)
			}
		}
	}
	return out
}

// Key identifies a person as written: the registry id, else the name.
func (p Person) Key() string {
	if p.ID != "" {
		return "id:" + p.ID
	}
	return "namn:" + strings.TrimSpace(p.Name)
}

// Label is the item as the agenda and protocol head it: its own rubrik,
// else the memo's title (ref), else "Ärende N".
func (it MeetingItem) Label(ref *Referenced, n int) string {
	if h := strings.TrimSpace(it.Heading); h != "" {
		return h
	}
	if ref != nil && ref.Title != "" {
		return ref.Title
	}
	return "Ärende " + strconv.Itoa(n)
}

// MemoField is the field path of item i's memo reference, under which
// the loader keeps what it refers to.
func MemoField(i int) string { return "ärenden[" + strconv.Itoa(i) + "].handling" }

// AdjustmentDeadline is the last day a protocol may be justified: 14 days
// after the meeting (kommunallagen 6 kap. 35 §).
const AdjustmentDeadline = 14

// PostingDays is the latest day after justering, counted in days, the
// anslag may be posted (kommunallagen 8 kap. 12 §).
const PostingDays = 2

// AppealWeeks is how long the anslag stays up: the time to appeal
// (kommunallagen 13 kap. 5 §, three weeks from the day of the anslag).
const AppealWeeks = 3

// Serial is a document numbered in a series with the other documents of
// its kind in its data tree: a meeting's § numbers continue from the
// committee's earlier meetings. The loader reads the tree's documents of
// the same kind, keeps those the document Follows and hands them to
// SetEarlier.
type Serial interface {
	Document
	Follows(other Document) bool
	SetEarlier(earlier []Document)
}

// SetEarlier keeps the earlier meetings, oldest first.
func (m *Meeting) SetEarlier(earlier []Document) {
	m.Earlier = m.Earlier[:0]
	for _, d := range earlier {
		if o, ok := d.(*Meeting); ok {
			m.Earlier = append(m.Earlier, o)
		}
	}
	slices.SortStableFunc(m.Earlier, func(a, b *Meeting) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case b.Date.Before(a.Date):
			return 1
		}
		return 0
	})
}
