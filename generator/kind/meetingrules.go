package kind

import (
	"fmt"
	"slices"
	"strings"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/diag"
	"github.com/underlag/underlag/generator/model"
)

// The meeting's review rules' ids; see Rule.
const (
	RuleMeetingMemoMissing     = "meeting-memo-missing"
	RuleMeetingMemoCommittee   = "meeting-memo-committee"
	RuleMeetingMemoAfterNotice = "meeting-memo-late"
	RuleMeetingParagraphs      = "meeting-paragraphs"
	RuleMeetingAdjustmentLate  = "meeting-adjustment-late"
	RuleMeetingPostingDate     = "meeting-posting-date"
	RuleMeetingDecisionMissing = "meeting-no-decision"
	RuleMeetingVoteCount       = "meeting-vote-count"
)

// meetingRules are the review rules of a meeting: its items' memos, its §
// numbers, and, once held, the protocol's decisions, votes, justering and
// anslag against the Local Government Act (kommunallagen 2017:725; see
// docs/meetings.md).
func meetingRules() []Rule {
	return []Rule{
		{ID: RuleMeetingMemoMissing, Severity: diag.Error, Check: meetingMemoMissing,
			Summary: "An agenda item names a memo that is not in the data tree.",
			Hint:    "Correct ärenden[i].handling to the memo's data file, relative to the meeting's file, or drop handling for an item without a memo."},
		{ID: RuleMeetingMemoCommittee, Severity: diag.Error, Check: meetingMemoCommittee,
			Summary: "An agenda item's memo is addressed to another committee.",
			Hint:    "Point the item at the memo to this committee, or correct the memo's nämnd."},
		{ID: RuleMeetingMemoAfterNotice, Severity: diag.Warning, Check: meetingMemoAfterNotice,
			Summary: "An agenda item's memo is dated after the notice was sent.",
			Hint:    "Send the notice when every memo is ready, or correct the memo's datum or the meeting's kallelsedatum."},
		{ID: RuleMeetingParagraphs, Severity: diag.Error, Check: meetingParagraphs,
			Summary: "The § numbers repeat or skip within the committee's year.",
			Hint:    "Number the §s one after another from the committee's earlier meetings that year: drop paragraf and första_paragraf to continue the sequence, or correct them."},
		{ID: RuleMeetingAdjustmentLate, Severity: diag.Error, Check: meetingAdjustmentLate,
			Summary: "The protocol is justified more than 14 days after the meeting (kommunallagen 6 kap. 35 §).",
			Hint:    "Justify the protocol within 14 days of the meeting; correct justering.datum if it was."},
		{ID: RuleMeetingPostingDate, Severity: diag.Error, Check: meetingPostingDate,
			Summary: "The anslag is not posted within two days after justering (kommunallagen 8 kap. 12 §).",
			Hint:    "Post the notice of justering on the notice board on the day of justering or one of the two days after it."},
		{ID: RuleMeetingDecisionMissing, Severity: diag.Error, Check: meetingDecisionMissing,
			Summary: "An item on the agenda of a held meeting has no decision.",
			Hint:    "Write the committee's beslut for every item (for an information item, such as: Informationen noteras), or take the item off the agenda."},
		{ID: RuleMeetingVoteCount, Severity: diag.Error, Check: meetingVoteCount,
			Summary: "A vote's counts do not add up to the members taking part in the item.",
			Hint:    "Give one vote (ja, nej or avstår) for each member or serving substitute present at the item and not disqualified (jäv)."},
	}
}

func meetingMemoMissing(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok {
		return
	}
	for i, it := range m.Items {
		if !it.Memo.IsZero() && in.Refs[model.MemoField(i)] == nil {
			c.Report(memoPath(m, i), "item %d names the memo %s, which is not a memo in the data tree", i+1, it.Memo.Path)
		}
	}
}

// memoPath is the position of item i's memo reference: its fil key when
// written as a mapping.
func memoPath(m *model.Meeting, i int) string {
	p := model.MemoField(i)
	if src := m.Source; src != nil {
		if _, ok := src.Positions[p+".fil"]; ok {
			return p + ".fil"
		}
	}
	return p
}

func meetingMemoCommittee(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok {
		return
	}
	for i := range m.Items {
		ref := in.Refs[model.MemoField(i)]
		if ref == nil || len(ref.Committees) == 0 || slices.Contains(ref.Committees, m.Committee) {
			continue
		}
		c.Report(memoPath(m, i), "item %d's memo %q is addressed to %s, not to %s, which this meeting is of", i+1, ref.Title, strings.Join(ref.Committees, " and "), m.Committee)
	}
}

func meetingMemoAfterNotice(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok || m.NoticeDate.IsZero() {
		return
	}
	for i := range m.Items {
		ref := in.Refs[model.MemoField(i)]
		if ref != nil && !ref.Date.IsZero() && m.NoticeDate.Before(ref.Date) {
			c.Report(memoPath(m, i), "item %d's memo is dated %s, after the notice of %s", i+1, ref.Date, m.NoticeDate)
		}
	}
}

func meetingParagraphs(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok {
		return
	}
	// The §s the committee's earlier meetings that year used, and where
	// the sequence stood after them.
	used := map[int]string{}
	next := 0
	for k, e := range m.Earlier {
		ec := *e
		ec.Earlier = m.Earlier[:k]
		for _, p := range ec.Paragraphs() {
			used[p] = e.Date.ISO()
			next = p + 1
		}
	}
	ps := m.Paragraphs()
	for i, p := range ps {
		path := fmt.Sprintf("ärenden[%d].paragraf", i)
		if m.Items[i].Paragraph == 0 {
			path = fmt.Sprintf("ärenden[%d]", i)
			if i == 0 && m.FirstParagraph > 0 {
				path = "första_paragraf"
			}
		}
		if d, dup := used[p]; dup {
			c.Report(path, "§ %d is used twice: by the committee's meeting of %s too", p, d)
			continue
		}
		used[p] = m.Date.ISO()
		if next > 0 && p != next {
			c.Report(path, "§ %d does not follow § %d: the §s skip or go back; the next is § %d", p, next-1, next)
		}
		next = p + 1
	}
}

// daysBetween is the number of days from a to b, both days.
func daysBetween(a, b date.Date) int {
	return int(b.First().Sub(a.First()).Hours() / 24)
}

func meetingAdjustmentLate(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok || m.Adjustment == nil || m.Adjustment.Date.Prec != date.Day || m.Date.Prec != date.Day {
		return
	}
	if n := daysBetween(m.Date, m.Adjustment.Date); n > model.AdjustmentDeadline {
		c.Report("justering.datum", "the protocol is justified %s, %d days after the meeting of %s; the law allows %d", m.Adjustment.Date, n, m.Date, model.AdjustmentDeadline)
	} else if n < 0 {
		c.Report("justering.datum", "the protocol is justified %s, before the meeting of %s", m.Adjustment.Date, m.Date)
	}
}

func meetingPostingDate(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok || m.Posting == nil || m.Posting.Date.Prec != date.Day {
		return
	}
	if m.Adjustment == nil || m.Adjustment.Date.Prec != date.Day {
		c.Report("anslag.datum", "the anslag has a date but the protocol no justering.datum; give the day the protocol is justified")
		return
	}
	n := daysBetween(m.Adjustment.Date, m.Posting.Date)
	if n < 0 || n > model.PostingDays {
		c.Report("anslag.datum", "the anslag is posted %s, %d days after the justering of %s; post it within %d days after justering", m.Posting.Date, n, m.Adjustment.Date, model.PostingDays)
	}
}

func meetingDecisionMissing(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok || !m.Held() {
		return
	}
	for i, it := range m.Items {
		if strings.TrimSpace(string(it.Decision)) == "" {
			c.Report(fmt.Sprintf("ärenden[%d]", i), "item %d (%s) has no beslut, though the meeting has an outcome", i+1, it.Label(in.Refs[model.MemoField(i)], i+1))
		}
	}
}

func meetingVoteCount(c Reporter, in RuleInput) {
	m, ok := AsMeeting(in.Doc)
	if !ok {
		return
	}
	present := m.Present()
	for i, it := range m.Items {
		if it.Vote == nil {
			continue
		}
		yes, no, abstain := it.Vote.Counts()
		if n, want := yes+no+abstain, len(present[i]); n != want {
			c.Report(fmt.Sprintf("ärenden[%d].omröstning.röster", i), "the vote counts %d (%d ja, %d nej, %d avstår), but %d members take part in item %d", n, yes, no, abstain, want, i+1)
		}
	}
}
