package doc

import (
	"reflect"
	"testing"
	"time"

	"github.com/underlag/underlag/generator/date"
)

func TestDefinitionTable(t *testing.T) {
	t.Parallel()
	items := []Definition{
		{Term: "HSN", Definition: []Inline{Text("Hälso- och sjukvårdsnämnden")}},
		{Term: "RS", Definition: []Inline{Text("Regionstyrelsen"), Strong(" (RS)")}},
	}
	for _, tc := range []struct {
		name        string
		term, expl  string
		wantHeader  bool
		headerCells []string
	}{
		{"both labels", "Begrepp/förkortning", "Förklaring", true, []string{"Begrepp/förkortning", "Förklaring"}},
		{"term label only", "Begrepp", "", true, []string{"Begrepp", ""}},
		{"explanation label only", "", "Förklaring", true, []string{"", "Förklaring"}},
		// No row of empty cells, repeated on every page.
		{"no labels", "", "", false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := DefinitionTable(tc.term, tc.expl, items)
			if len(tab.Columns) != 2 || tab.Columns[0] != (Column{}) || tab.Columns[1] != (Column{}) {
				t.Errorf("columns %+v, want two sized from their content", tab.Columns)
			}
			if got := len(tab.Header) == 1; got != tc.wantHeader || len(tab.Header) > 1 {
				t.Fatalf("%d header rows, want header %v", len(tab.Header), tc.wantHeader)
			}
			if tc.wantHeader {
				var got []string
				for _, c := range tab.Header[0].Cells {
					got = append(got, cellText(c))
				}
				if !reflect.DeepEqual(got, tc.headerCells) {
					t.Errorf("header %q, want %q", got, tc.headerCells)
				}
			}
			if len(tab.Rows) != len(items) {
				t.Fatalf("%d rows, want %d", len(tab.Rows), len(items))
			}
			for i, row := range tab.Rows {
				if len(row.Cells) != 2 {
					t.Fatalf("row %d has %d cells", i, len(row.Cells))
				}
				if got := cellText(row.Cells[0]); got != items[i].Term {
					t.Errorf("row %d term %q, want %q", i, got, items[i].Term)
				}
				// The explanation keeps its runs and their styles.
				if p := row.Cells[1].Blocks[0].(*Paragraph); !reflect.DeepEqual(p.Text, items[i].Definition) {
					t.Errorf("row %d explanation %+v, want %+v", i, p.Text, items[i].Definition)
				}
			}
		})
	}
}

func cellText(c Cell) string {
	s := ""
	for _, b := range c.Blocks {
		s += Plain(b.(*Paragraph).Text)
	}
	return s
}

func TestKindString(t *testing.T) {
	t.Parallel()
	for k, want := range map[Kind]string{KindHeading: "Heading", KindPageBreak: "PageBreak", 0: "Kind(0)", 200: "Kind(200)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestFileTime(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		date date.Date
		want string // RFC 3339, or "" for no timestamp
	}{
		{date.Of(2024, time.November, 20), "2024-11-20T00:00:00Z"},
		{date.OfMonth(2025, time.March), ""},
		{date.OfYear(2025), ""},
		{date.Date{}, ""},
	} {
		m := Meta{Date: tc.date}
		got, ok := m.FileTime()
		if ok != (tc.want != "") || ok && got.Format(time.RFC3339) != tc.want {
			t.Errorf("FileTime of %q = %v, %v; want %q", tc.date, got, ok, tc.want)
		}
	}
}
