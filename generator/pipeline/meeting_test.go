package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/kind"
)

// meetingTree writes a small data tree for a committee meeting: two
// committees, their members, a memo to each, and the committee's earlier
// meeting that year (§ 10–11). It returns the directory.
func meetingTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "organisation.yaml", `typ: organisation
version: 1
namn: Region Test
nämnder:
  - {förkortning: HSN, namn: Hälso- och sjukvårdsnämnden}
  - {förkortning: RS, namn: Regionstyrelsen}
`)
	writeFile(t, dir, "personer.yaml", `typ: personer
version: 1
personer:
  - {id: anna, namn: Anna Ordförande}
  - {id: bo, namn: Bo Ledamot}
  - {id: cia, namn: Cia Ledamot}
  - {id: dan, namn: Dan Sekreterare}
`)
	for _, m := range []struct{ file, committee string }{{"memo-hsn.yaml", "HSN"}, {"memo-rs.yaml", "RS"}} {
		writeFile(t, dir, m.file, fmt.Sprintf(`typ: tjänsteskrivelse
version: 1
titel: Ärende till %[1]s
diarienummer: %[1]s 1-2024
datum: 2024-11-20
nämnd: %[1]s
sammanfattning: Text.
förslag_till_beslut: Nämnden beslutar enligt förslaget.
`, m.committee))
	}
	writeFile(t, dir, "earlier.yaml", `typ: sammanträde
version: 1
nämnd: HSN
datum: 2024-11-12
tid: "09.00"
plats: Sal A
första_paragraf: 10
ledamöter: [{person: {id: anna}}]
ärenden:
  - rubrik: Val av justerare
  - rubrik: Information
`)
	return dir
}

// meetingYAML is a held meeting that every rule passes: its § numbers
// continue from the earlier meeting's (12, 13), its memo is the
// committee's and dated before the notice, the vote counts the three
// members, the protocol is justified within 14 days and posted the day
// after.
const meetingYAML = `typ: sammanträde
version: 1
nämnd: HSN
datum: 2024-12-10
tid: "09.00–12.00"
plats: Sal A
kallelsedatum: 2024-12-03
ledamöter:
  - person: {id: anna}
    roll: ordförande
  - person: {id: bo}
  - person: {id: cia}
ärenden:
  - handling: memo-hsn.yaml
    beslut: Nämnden beslutar enligt förslaget.
    omröstning:
      ja: förslaget
      nej: avslag
      röster:
        - {person: {id: anna}, röst: ja}
        - {person: {id: bo}, röst: ja}
        - {person: {id: cia}, röst: nej}
  - rubrik: Informationsärenden
    beslut: Informationen noteras.
närvaro:
  övriga: [{id: dan}]
justering:
  ordförande: {id: anna}
  justerare: [{id: bo}]
  sekreterare: {id: dan}
  plats: Kansliet
  datum: 2024-12-16
anslag:
  datum: 2024-12-17
  förvaringsplats: Kansliet
`

// Each review rule of the meeting kind, by one edit of a meeting that
// passes them all: the finding has the rule's id, and the file, line,
// column and field of the value at fault (at: the text the column points
// to, which the test finds in the edited file).
func TestMeetingRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rule, old, new, at, path, msg string
	}{
		{kind.RuleMeetingMemoMissing, "handling: memo-hsn.yaml", "handling: saknas.yaml", "saknas.yaml", "ärenden[0].handling", "not a memo in the data tree"},
		{kind.RuleMeetingMemoCommittee, "handling: memo-hsn.yaml", "handling: memo-rs.yaml", "memo-rs.yaml", "ärenden[0].handling", "addressed to RS, not to HSN"},
		{kind.RuleMeetingMemoAfterNotice, "kallelsedatum: 2024-12-03", "kallelsedatum: 2024-11-15", "memo-hsn.yaml", "ärenden[0].handling", "dated 2024-11-20, after the notice of 2024-11-15"},
		{kind.RuleMeetingParagraphs, "kallelsedatum: 2024-12-03", "kallelsedatum: 2024-12-03\nförsta_paragraf: 11", "11", "första_paragraf", "§ 11 is used twice"},
		{kind.RuleMeetingParagraphs, "kallelsedatum: 2024-12-03", "kallelsedatum: 2024-12-03\nförsta_paragraf: 14", "14", "första_paragraf", "§ 14 does not follow § 11"},
		{kind.RuleMeetingParagraphs, "  - rubrik: Informationsärenden", "  - rubrik: Informationsärenden\n    paragraf: 12", "12\n", "ärenden[1].paragraf", "§ 12 is used twice"},
		{kind.RuleMeetingAdjustmentLate, "datum: 2024-12-16", "datum: 2024-12-27", "2024-12-27", "justering.datum", "17 days after the meeting"},
		{kind.RuleMeetingPostingDate, "datum: 2024-12-17", "datum: 2024-12-20", "2024-12-20", "anslag.datum", "4 days after the justering"},
		{kind.RuleMeetingDecisionMissing, "    beslut: Informationen noteras.\n", "", "rubrik: Informationsärenden", "ärenden[1]", "has no beslut"},
		{kind.RuleMeetingVoteCount, "        - {person: {id: cia}, röst: nej}\n", "", "röster:", "ärenden[0].omröstning.röster", "the vote counts 2 (2 ja, 0 nej, 0 avstår), but 3 members"},
		{kind.RuleMeetingVoteCount, "  - rubrik: Informationsärenden", "  - rubrik: Informationsärenden\n    jäv: [{id: bo}]\n    omröstning:\n      ja: a\n      nej: b\n      röster: [{person: {id: anna}, röst: ja}, {person: {id: bo}, röst: ja}, {person: {id: cia}, röst: ja}]", "röster: [", "ärenden[1].omröstning.röster", "but 2 members take part in item 2"},
	}
	dir := meetingTree(t)
	p, err := New(Config{Version: "test"})
	require.NoError(t, err)

	// The meeting as it is passes every rule, and its §s continue from
	// the earlier meeting's.
	src := writeFile(t, dir, "meeting.yaml", meetingYAML)
	d, diags := p.Load(src)
	require.Empty(t, diags)
	m, ok := kind.AsMeeting(d.Model())
	require.True(t, ok)
	assert.Equal(t, []int{12, 13}, m.Paragraphs())

	for i, c := range cases {
		t.Run(fmt.Sprintf("%d-%s", i, c.rule), func(t *testing.T) {
			t.Parallel()
			require.Contains(t, meetingYAML, c.old)
			text := strings.Replace(meetingYAML, c.old, c.new, 1)
			src := writeFile(t, dir, fmt.Sprintf("meeting-%d.yaml", i), text)
			_, diags := p.Load(src)
			var found []diag.Diagnostic
			for _, x := range diags {
				if x.Rule == c.rule {
					found = append(found, x)
				}
			}
			require.Len(t, found, 1, "%v", diags)
			x := found[0]
			line, col := position(t, text, c.at)
			assert.Equal(t, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(src), line, col, c.path), fmt.Sprintf("%s:%d:%d: %s", filepath.Base(x.File), x.Line, x.Col, x.Path))
			assert.Contains(t, x.Msg, c.msg)
		})
	}
}

// position is the line and column (in characters, from 1) where at first
// stands in text.
func position(t *testing.T, text, at string) (int, int) {
	t.Helper()
	i := strings.Index(text, at)
	require.GreaterOrEqual(t, i, 0, "%q is not in the file", at)
	before := text[:i]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
	return line, col
}

// The meeting's products: with an outcome, the packet, the protocol and
// one extract per §, each extract numbered from its page in the protocol;
// without one, only the packet.
func TestMeetingProducts(t *testing.T) {
	t.Parallel()
	dir := meetingTree(t)
	p, err := New(Config{Version: "test"})
	require.NoError(t, err)
	for _, held := range []bool{true, false} {
		text := meetingYAML
		if !held {
			text = text[:strings.Index(text, "närvaro:")]
			for _, s := range []string{"    beslut: Nämnden beslutar enligt förslaget.\n", "    beslut: Informationen noteras.\n"} {
				text = strings.Replace(text, s, "", 1)
			}
		}
		src := writeFile(t, dir, fmt.Sprintf("held-%v.yaml", held), text)
		d, diags := p.Load(src)
		require.False(t, diags.HasErrors(), "%v", diags)
		notice, diags := p.Compose(d)
		require.False(t, diags.HasErrors(), "%v", diags)
		prods, diags := p.Products(d, notice)
		require.False(t, diags.HasErrors(), "%v", diags)
		m, _ := kind.AsMeeting(d.Model())
		var keys []string
		for _, pr := range prods {
			keys = append(keys, pr.Key)
		}
		want := []string{"handlingar"}
		if held {
			want = append(want, "protokoll")
			for _, n := range m.Paragraphs() {
				want = append(want, fmt.Sprintf("paragraf-%d", n))
			}
		}
		assert.Equal(t, want, keys)
		for _, pr := range prods {
			if pr.Packet != nil {
				// Every part is ours (the memos have no PDF attachments),
				// so the packet claims PDF/A-3a and PDF/UA-1 as a single
				// document does. The XMP metadata stream is not deflated.
				var pdf bytes.Buffer
				_, err := p.RenderProduct(&pdf, "pdf", pr)
				require.NoError(t, err)
				assert.Contains(t, pdf.String(), "<pdfaid:part>3</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>")
				assert.Contains(t, pdf.String(), "<pdfuaid:part>1</pdfuaid:part>")
			}
			if strings.HasPrefix(pr.Key, "paragraf-") {
				assert.Equal(t, string(kind.KindExtract), pr.Tree.Meta.Type)
				assert.Positive(t, pr.Tree.Meta.Numbering.Start)
				assert.GreaterOrEqual(t, pr.Tree.Meta.Numbering.Total, pr.Tree.Meta.Numbering.Start)
			}
		}
	}
}

// A protocol signed through an e-signing service names its transaction
// and draws no signature fields: the service's own page carries the
// signatures. Signed on paper or in the PDF, it has a field for the chair,
// each adjuster and the secretary.
func TestMeetingAdjustmentSigning(t *testing.T) {
	t.Parallel()
	dir := meetingTree(t)
	p, err := New(Config{Version: "test"})
	require.NoError(t, err)
	for _, tx := range []string{"", "TX-4711-ABC"} {
		text := meetingYAML
		if tx != "" {
			text = strings.Replace(text, "  datum: 2024-12-16\n", "  datum: 2024-12-16\n  transaktions_id: "+tx+"\n", 1)
		}
		src := writeFile(t, dir, fmt.Sprintf("signed-%q.yaml", tx), text)
		d, diags := p.Load(src)
		require.False(t, diags.HasErrors(), "%v", diags)
		notice, _ := p.Compose(d)
		prods, diags := p.Products(d, notice)
		require.False(t, diags.HasErrors(), "%v", diags)
		var md bytes.Buffer
		for _, pr := range prods {
			if pr.Key == "protokoll" {
				_, err := p.Render(&md, "md", pr.Tree)
				require.NoError(t, err)
			}
		}
		m, _ := kind.AsMeeting(d.Model())
		signers := 2 + len(m.Adjustment.Adjusters)
		if tx != "" {
			assert.Contains(t, md.String(), "transaktions-id "+tx)
			assert.NotContains(t, md.String(), "Namnförtydligande")
		} else {
			assert.Equal(t, signers, strings.Count(md.String(), "Namnförtydligande"), md.String())
		}
	}
}

// The first § continues from the committee's latest earlier meeting of
// the same year in the same organisation's data tree, and from nothing
// else: another committee's, another year's, a later one, and one that a
// link in the tree points to outside it are not counted.
func TestMeetingParagraphsContinue(t *testing.T) {
	t.Parallel()
	other := func(committee, date string, first int) string {
		return fmt.Sprintf("typ: sammanträde\nversion: 1\nnämnd: %s\ndatum: %s\ntid: \"9\"\nplats: A\nförsta_paragraf: %d\nledamöter: [{person: {id: anna}}]\närenden: [{rubrik: A}, {rubrik: B}, {rubrik: C}]\n", committee, date, first)
	}
	cases := []struct {
		name, file, body string
		link             bool // the file is outside the tree, linked into it
		first            int  // the meeting's first §
	}{
		{"none", "", "", false, 12},
		{"another committee", "rs.yaml", other("RS", "2024-11-20", 50), false, 12},
		{"the year before", "last-year.yaml", other("HSN", "2023-12-12", 50), false, 12},
		{"a later meeting", "later.yaml", other("HSN", "2024-12-20", 50), false, 12},
		{"a later one in between", "between.yaml", other("HSN", "2024-11-30", 20), false, 23},
		{"a link out of the tree", "outside.yaml", other("HSN", "2024-11-30", 20), true, 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := meetingTree(t)
			if c.file != "" {
				target := filepath.Join(dir, c.file)
				if c.link {
					target = writeFile(t, t.TempDir(), c.file, c.body)
					require.NoError(t, os.Symlink(target, filepath.Join(dir, c.file)))
				} else {
					writeFile(t, dir, c.file, c.body)
				}
			}
			p, err := New(Config{Version: "test"})
			require.NoError(t, err)
			d, diags := p.Load(writeFile(t, dir, "meeting.yaml", meetingYAML))
			require.False(t, diags.HasErrors(), "%v", diags)
			m, _ := kind.AsMeeting(d.Model())
			assert.Equal(t, c.first, m.Paragraphs()[0])
		})
	}
}
