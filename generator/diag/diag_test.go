package diag

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiagnosticError(t *testing.T) {
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"full", Diagnostic{File: "a.yaml", Line: 3, Col: 5, Path: "tidplan[0].slut", Msg: "slutet ligger före starten"}, "a.yaml:3:5: tidplan[0].slut: slutet ligger före starten"},
		{"no column", Diagnostic{File: "a.yaml", Line: 3, Msg: "m"}, "a.yaml:3: m"},
		{"no position", Diagnostic{File: "a.yaml", Msg: "m"}, "a.yaml: m"},
		{"no file", Diagnostic{Path: "p", Msg: "m"}, "p: m"},
		{"warning", Diagnostic{File: "a.yaml", Line: 1, Col: 1, Path: "risker", Msg: "placeholder", Severity: Warning}, "a.yaml:1:1: warning: risker: placeholder"},
		{"info with a rule", Diagnostic{File: "a.yaml", Line: 9, Col: 3, Path: "definitioner[0].term", Msg: "unused", Severity: Info, Rule: "unused-definition"}, "a.yaml:9:3: info: definitioner[0].term: unused [unused-definition]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.d.Error())
		})
	}
}

func TestListErr(t *testing.T) {
	var l List
	assert.NoError(t, l.Err())
	l.Add(Diagnostic{Msg: "w", Severity: Warning})
	assert.NoError(t, l.Err(), "warnings alone are not an error")
	l.Addf("b.yaml", 2, 1, "x", "bad %d", 1)
	l.Addf("a.yaml", 9, 1, "y", "bad")
	assert.Error(t, l.Err())
	l.Sort()
	assert.Equal(t, "a.yaml", l[1].File)
	assert.Len(t, l.Errors(), 2)
	assert.Len(t, l.Warnings(), 1)

	wrapped := fmt.Errorf("load: %w", l)
	assert.Len(t, AsList(wrapped), 3)
	assert.Equal(t, List{{Msg: "plain"}}, AsList(fmt.Errorf("plain")))
	assert.Nil(t, AsList(nil))
}

func TestDiagnosticErrorHint(t *testing.T) {
	d := Diagnostic{File: "a.yaml", Line: 3, Col: 6, Msg: "invalid YAML: m", Hint: "put a space after the colon", Excerpt: "titel:HSD"}
	assert.Equal(t, "a.yaml:3:6: invalid YAML: m (hint: put a space after the colon)", d.Error(), "one line, the excerpt left out")
}

func TestFormat(t *testing.T) {
	long := strings.Repeat("a", 100) + ":" + strings.Repeat("b", 100)
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{
			name: "caret and hint",
			d:    Diagnostic{File: "x.yaml", Line: 84, Col: 8, Msg: "invalid YAML: m", Hint: "put a space after the colon: `titel: HSD`", Excerpt: "  titel:HSD"},
			want: "x.yaml:84:8: error: invalid YAML: m\n" +
				"   84 |   titel:HSD\n" +
				"      |        ^\n" +
				"hint: put a space after the colon: `titel: HSD`\n",
		},
		{
			name: "no excerpt",
			d:    Diagnostic{File: "x.yaml", Line: 2, Col: 1, Path: "typ", Msg: "m"},
			want: "x.yaml:2:1: error: typ: m\n",
		},
		{
			name: "warning without column",
			d:    Diagnostic{File: "x.yaml", Line: 2, Msg: "m", Severity: Warning, Excerpt: "nämnd: HSN"},
			want: "x.yaml:2: warning: m\n" +
				"    2 | nämnd: HSN\n",
		},
		{
			name: "tab, Latin-1 byte and combining mark keep the caret in place",
			d:    Diagnostic{File: "x.yaml", Line: 1, Col: 7, Msg: "m", Excerpt: "\ta\u030a \xe4 x"},
			want: "x.yaml:1:7: error: m\n" +
				"    1 |     a\u030a \uFFFD x\n" +
				"      |         ^\n",
		},
		{
			name: "caret past the end",
			d:    Diagnostic{File: "x.yaml", Line: 3, Col: 9, Msg: "m", Excerpt: "a: \"b"},
			want: "x.yaml:3:9: error: m\n" +
				"    3 | a: \"b\n" +
				"      |      ^\n",
		},
		{
			name: "long line is cut around the caret",
			d:    Diagnostic{File: "x.yaml", Line: 1, Col: 101, Msg: "m", Excerpt: long},
			want: "x.yaml:1:101: error: m\n" +
				"    1 | …" + strings.Repeat("a", 60) + ":" + strings.Repeat("b", 59) + "…\n" +
				"      |" + strings.Repeat(" ", 62) + "^\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			assert.NoError(t, Format(&b, tt.d))
			assert.Equal(t, tt.want, b.String())
		})
	}
}

// A source line of megabytes (an 8 MB paragraph refused for its length)
// is shown by its window around the caret, and only the window is split
// into cells: the whole line took seconds and hundreds of megabytes, most
// of a validate run's time and memory (issue 23, finding 8).
func TestFormatHugeLine(t *testing.T) {
	line := "sammanfattning: " + strings.Repeat("ord ", 2<<20)
	d := Diagnostic{File: "p8.yaml", Line: 8, Col: 17, Msg: "this text is 8.0 MB", Excerpt: line}
	var b strings.Builder
	allocs := testing.AllocsPerRun(1, func() {
		b.Reset()
		require.NoError(t, Format(&b, d))
	})
	assert.Less(t, allocs, float64(20*excerptWindow), "allocations grow with the window shown, not with the line")
	assert.Contains(t, b.String(), "    8 | sammanfattning: ord ord")
	assert.Contains(t, b.String(), "ord …\n")
	assert.Contains(t, b.String(), "      |                 ^\n")
}
