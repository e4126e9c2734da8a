package kind

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/model"
)

// meetingFuncs are the template functions the meeting brings, for its
// notice, its protocol and its extracts (sammantrade.md.tmpl,
// protokoll.md.tmpl, protokollsutdrag.md.tmpl). Tables' headers are label
// keys (etiketter.yaml), so an organisation words them its own way.
func meetingFuncs(b Builder) FuncMap {
	r := &meetingRun{b: b}
	return FuncMap{
		"föredragningslista": r.fnAgenda,
		"kallade":            r.fnCalled,
		"närvarolista":       r.fnAttendance,
		"paragrafer":         func(m *model.Meeting) []int { return m.Paragraphs() },
		"ärenderubrik":       r.fnItemHeading,
		"paragraf":           r.fnParagraph,
		"justering":          r.fnAdjusters,
		"justeringsrad":      r.fnAdjustmentLine,
		"anslag":             r.fnPosting,
		"rätt_utdraget":      r.fnCertified,
		"utdraget":           r.fnExtract,
	}
}

type meetingRun struct{ b Builder }

func (r *meetingRun) name(p model.Person) string { return r.b.Person(p).Name }

func (r *meetingRun) names(ps []model.Person) string {
	var out []string
	for _, p := range ps {
		if n := strings.TrimSpace(r.name(p)); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// item returns item i and the memo it names, if any.
func (r *meetingRun) item(m *model.Meeting, i int) (model.MeetingItem, *model.Referenced, error) {
	if m == nil || i < 0 || i >= len(m.Items) {
		return model.MeetingItem{}, nil, fmt.Errorf("no item %d", i)
	}
	return m.Items[i], r.b.Ref(model.MemoField(i)), nil
}

// fnItemHeading is `ärenderubrik . i`: item i's heading (its rubrik, or its
// memo's title).
func (r *meetingRun) fnItemHeading(m *model.Meeting, i int) (string, error) {
	it, ref, err := r.item(m, i)
	if err != nil {
		return "", fmt.Errorf("ärenderubrik: %w", err)
	}
	return it.Label(ref, i+1), nil
}

// caseNumber is an item's case number: its own, else its memo's.
func caseNumber(it model.MeetingItem, ref *model.Referenced) string {
	if s := strings.TrimSpace(it.CaseNumber); s != "" {
		return s
	}
	if ref != nil {
		return ref.CaseNumber.String()
	}
	return ""
}

// presenter is who presents an item: its föredragande, else its memo's
// case officer.
func (r *meetingRun) presenter(it model.MeetingItem, ref *model.Referenced) string {
	p := it.Presenter
	if p.IsZero() && ref != nil {
		p = ref.Officer
	}
	if p.IsZero() {
		return ""
	}
	return r.b.NameTitle(p)
}

// documents are an item's handlingar: its memo and the memo's numbered
// attachments, or the titles the item lists.
func documents(it model.MeetingItem, ref *model.Referenced) []string {
	var out []string
	if ref != nil {
		s := ref.KindLabel
		if !ref.Date.IsZero() {
			s += " " + ref.Date.ISO()
		}
		out = append(out, s)
		for _, a := range ref.Attachments {
			out = append(out, a.Heading())
		}
	}
	return append(out, it.Documents...)
}

// fnAgenda is `föredragningslista .`: the numbered items, each with its
// heading and case number, who presents it and its documents.
func (r *meetingRun) fnAgenda(m *model.Meeting) (Markup, error) {
	var rows []doc.Row
	for i, it := range m.Items {
		ref := r.b.Ref(model.MemoField(i))
		head := []doc.Block{para(doc.Strong(it.Label(ref, i+1)))}
		if n := caseNumber(it, ref); n != "" {
			head = append(head, textPara(r.b.Label("dnr")+" "+n))
		}
		var docs []doc.Block
		for _, d := range documents(it, ref) {
			docs = append(docs, textPara(d))
		}
		rows = append(rows, cells(doc.TextCell(strconv.Itoa(i+1)), blocksCell(head), doc.TextCell(r.presenter(it, ref)), blocksCell(docs)))
	}
	return r.b.Place(r.b.Table([]float64{0.6, 4, 2.2, 3.2}, []string{"nr", "ärende", "föredragande", "handlingar"}, rows)), nil
}

// fnCalled is `kallade .Members`: the members or substitutes called, with
// role and party.
func (r *meetingRun) fnCalled(ms []model.MeetingMember) Markup {
	var rows []doc.Row
	for _, mm := range ms {
		rows = append(rows, cells(doc.TextCell(r.name(mm.Person)), doc.TextCell(model.Capitalise(mm.Role)), doc.TextCell(mm.Party)))
	}
	return r.b.Place(r.b.Table([]float64{4, 3, 1.2}, []string{"namn", "roll", "parti"}, rows))
}

// fnAttendance is `närvarolista .`: who was there, as the protocol's
// first page lists it: members present (and for whom a substitute
// served), serving and non-serving substitutes, absent members and others
// present.
func (r *meetingRun) fnAttendance(m *model.Meeting) Markup {
	a := m.Attendance
	if a == nil {
		a = &model.Attendance{}
	}
	absent := map[string]bool{}
	for _, p := range a.Absent {
		absent[p.Key()] = true
	}
	serving := map[string]bool{}
	var present, subs, notServing []string
	for _, mm := range m.Members {
		if !absent[mm.Person.Key()] {
			s := r.name(mm.Person)
			if mm.Role != "" {
				s += " (" + mm.Role + ")"
			}
			present = append(present, s)
		}
	}
	for _, s := range a.Serving {
		serving[s.Person.Key()] = true
		subs = append(subs, r.name(s.Person)+" "+r.b.Label("ersätter")+" "+r.name(s.For))
	}
	for _, mm := range m.Substitutes {
		if !serving[mm.Person.Key()] {
			notServing = append(notServing, r.name(mm.Person))
		}
	}
	var rows []doc.Row
	add := func(key string, names []string) {
		if len(names) > 0 {
			rows = append(rows, cells(doc.TextCell(r.b.Label(key)), doc.TextCell(strings.Join(names, ", "))))
		}
	}
	add("närvarande_ledamöter", present)
	add("tjänstgörande_ersättare", subs)
	add("ej_tjänstgörande_ersättare", notServing)
	add("frånvarande_ledamöter", strings.Split(r.names(a.Absent), ", "))
	add("övriga_närvarande", strings.Split(r.names(a.Others), ", "))
	for k := len(rows) - 1; k >= 0; k-- {
		if c := rows[k].Cells[1]; len(c.Blocks) == 0 {
			rows = append(rows[:k], rows[k+1:]...)
		}
	}
	t := &doc.Table{Columns: []doc.Column{{Width: 3}, {Width: 7}}, Rows: rows, Borderless: true}
	if len(rows) == 0 {
		return ""
	}
	return r.b.Place(t)
}

// fnParagraph is `paragraf . i`: what the protocol says under item i's §
// heading: its case number and agenda number, who left or arrived and
// who did not take part, the motions, the procedure, the vote with each
// member's vote, the decision, the reservations and protocol notes.
func (r *meetingRun) fnParagraph(m *model.Meeting, i int) (Markup, error) {
	it, ref, err := r.item(m, i)
	if err != nil {
		return "", fmt.Errorf("paragraf: %w", err)
	}
	var bs []doc.Block
	line := r.b.Label("ärende_på_föredragningslistan") + " " + strconv.Itoa(i+1)
	if n := caseNumber(it, ref); n != "" {
		line = r.b.Label("dnr") + " " + n + " · " + line
	}
	bs = append(bs, &doc.Paragraph{Text: []doc.Inline{doc.Text(line)}, Small: true, KeepWithNext: true})
	if s := r.names(it.Leaves); s != "" {
		bs = append(bs, textPara(s+" "+r.b.Label("lämnar_sammanträdet")))
	}
	if s := r.names(it.Arrives); s != "" {
		bs = append(bs, textPara(s+" "+r.b.Label("ankommer_till_sammanträdet")))
	}
	if s := r.names(it.Disqualified); s != "" {
		bs = append(bs, para(doc.Strong(r.b.Label("jäv")+": "), doc.Text(s+" "+r.b.Label("deltar_inte_på_grund_av_jäv"))))
	}
	if len(it.Leaves) > 0 || len(it.Arrives) > 0 || len(it.Disqualified) > 0 {
		present := m.Present()[i]
		bs = append(bs, para(doc.Strong(r.b.Label("närvarande_i_paragrafen")+": "), doc.Text(r.names(present))))
	}
	if s := strings.TrimSpace(string(it.Decision)); s != "" {
		bs = append(bs, r.heading(r.b.Label("beslut")))
		bs = append(bs, r.b.Markdown(s)...)
	}
	if len(it.Motions) > 0 {
		bs = append(bs, r.heading(r.b.Label("yrkanden")))
		for _, mo := range it.Motions {
			bs = append(bs, para(doc.Strong(r.name(mo.Person)+": "), doc.Text(strings.TrimSpace(string(mo.Text)))))
		}
	}
	if s := strings.TrimSpace(string(it.Procedure)); s != "" {
		bs = append(bs, r.heading(r.b.Label("beslutsgång")))
		bs = append(bs, r.b.Markdown(s)...)
	}
	if v := it.Vote; v != nil {
		bs = append(bs, r.vote(v)...)
	}
	if len(it.Dissents) > 0 {
		bs = append(bs, r.heading(r.b.Label("reservationer")))
		bs = append(bs, r.dissents(it.Dissents, "reserverar_sig")...)
	}
	if len(it.Notes) > 0 {
		bs = append(bs, r.heading(r.b.Label("protokollsanteckningar")))
		bs = append(bs, r.dissents(it.Notes, "antecknar")...)
	}
	if s := r.names(it.DispatchTo); s != "" {
		bs = append(bs, para(doc.Strong(r.b.Label("expedieras_till")+": "), doc.Text(s)))
	}
	return r.b.Place(bs...), nil
}

// heading is a small bold lead-in inside a §, not a heading of the
// outline: a protocol's outline is its §s.
func (r *meetingRun) heading(s string) doc.Block {
	return &doc.Paragraph{Text: []doc.Inline{doc.Strong(s)}, KeepWithNext: true}
}

func (r *meetingRun) dissents(ds []model.Dissent, verb string) []doc.Block {
	var bs []doc.Block
	for _, d := range ds {
		s := r.name(d.Person) + " " + r.b.Label(verb)
		if t := strings.TrimSpace(string(d.Text)); t != "" {
			s += ": " + t
		} else {
			s += "."
		}
		bs = append(bs, textPara(s))
	}
	return bs
}

// vote is the vote: what yes and no mean, a table of each member's vote,
// and the result.
func (r *meetingRun) vote(v *model.Vote) []doc.Block {
	bs := []doc.Block{r.heading(r.b.Label("omröstning")),
		textPara(r.b.Label("ja_röst") + ": " + v.Yes),
		textPara(r.b.Label("nej_röst") + ": " + v.No)}
	var rows []doc.Row
	mark := func(ok bool) doc.Cell {
		if ok {
			return doc.TextCell("X")
		}
		return doc.Cell{}
	}
	for _, c := range v.Votes {
		rows = append(rows, cells(doc.TextCell(r.name(c.Person)), mark(c.Vote == model.VoteYes), mark(c.Vote == model.VoteNo), mark(c.Vote == model.VoteAbstain)))
	}
	yes, no, abstain := v.Counts()
	rows = append(rows, cells(blocksCell([]doc.Block{para(doc.Strong(r.b.Label("summa")))}), doc.TextCell(strconv.Itoa(yes)), doc.TextCell(strconv.Itoa(no)), doc.TextCell(strconv.Itoa(abstain))))
	bs = append(bs, r.b.Table([]float64{5, 1.2, 1.2, 1.2}, []string{"ledamot", "ja", "nej", "avstår"}, rows))
	bs = append(bs, textPara(fmt.Sprintf("%s: %d %s, %d %s, %d %s.", r.b.Label("omröstningsresultat"), yes, strings.ToLower(r.b.Label("ja")), no, strings.ToLower(r.b.Label("nej")), abstain, strings.ToLower(r.b.Label("avstår")))))
	return bs
}

// fnAdjusters is `justering .`: the signers of the protocol, chair,
// adjusters and secretary, for `underskrifter`; none when the protocol is
// signed through an e-signing service (transaktions_id), whose own page
// carries the signatures.
func (r *meetingRun) fnAdjusters(m *model.Meeting) []model.Signer {
	j := m.Adjustment
	if j == nil || strings.TrimSpace(j.Transaction) != "" {
		return []model.Signer{}
	}
	ss := []model.Signer{{Role: r.b.Label("ordförande"), Person: j.Chair, Place: j.Place, Date: j.Date}}
	for _, p := range j.Adjusters {
		ss = append(ss, model.Signer{Role: r.b.Label("justerare"), Person: p, Place: j.Place, Date: j.Date})
	}
	return append(ss, model.Signer{Role: r.b.Label("sekreterare"), Person: j.Secretary, Place: j.Place, Date: j.Date})
}

// fnAdjustmentLine is `justeringsrad .`: where and when the protocol is
// justified, or that an e-signing service does it.
func (r *meetingRun) fnAdjustmentLine(m *model.Meeting) Markup {
	j := m.Adjustment
	if j == nil {
		return ""
	}
	if t := strings.TrimSpace(j.Transaction); t != "" {
		return r.b.Place(textPara(fmt.Sprintf("%s %s.", r.b.Label("justerat_digitalt"), t)))
	}
	s := r.b.Label("justeringens_plats_och_tid") + ": " + j.Place
	if !j.Date.IsZero() {
		s += " " + j.Date.Format(date.Long)
	}
	return r.b.Place(textPara(s))
}

// fnPosting is `anslag .`: the notice of justering (anslagsbevis): the
// body, the meeting's and the justering's dates, when the notice is posted
// and taken down, and where the protocol is kept.
func (r *meetingRun) fnPosting(m *model.Meeting, committee string) Markup {
	a := m.Posting
	if a == nil {
		return ""
	}
	until := a.Until
	if until.IsZero() && a.Date.Prec == date.Day {
		t := a.Date.First().AddDate(0, 0, 7*model.AppealWeeks)
		until = date.Date{Y: t.Year(), M: t.Month(), D: t.Day(), Prec: date.Day}
	}
	row := func(key, v string) doc.Row { return cells(doc.TextCell(r.b.Label(key)), doc.TextCell(v)) }
	rows := []doc.Row{row("organ", committee), row("sammanträdesdatum", m.Date.ISO())}
	if j := m.Adjustment; j != nil && !j.Date.IsZero() {
		rows = append(rows, row("justeringsdatum", j.Date.ISO()))
	}
	rows = append(rows, row("anslaget_sätts_upp", a.Date.ISO()), row("anslaget_tas_ned", until.ISO()), row("förvaringsplats", a.Kept))
	return r.b.Place(textPara(r.b.Label("anslag_text")), &doc.Table{Columns: []doc.Column{{Width: 3}, {Width: 6}}, Rows: rows, Borderless: true})
}

// fnCertified is `rätt_utdraget .`: the secretary who certifies an
// extract, for `underskrifter`.
func (r *meetingRun) fnCertified(m *model.Meeting) []model.Signer {
	s := model.Signer{Role: r.b.Label("rätt_utdraget_betygar")}
	if j := m.Adjustment; j != nil {
		s.Person = j.Secretary
	}
	return []model.Signer{s}
}

// fnExtract is `utdraget .`: the index of the item a protocol extract
// shows.
func (r *meetingRun) fnExtract(m *model.Meeting) (int, error) {
	if m.Extract < 1 || m.Extract > len(m.Items) {
		return 0, fmt.Errorf("utdraget: the document is not an extract of one of the meeting's %d items", len(m.Items))
	}
	return m.Extract - 1, nil
}
