package check

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/model"
)

func TestTableRows(t *testing.T) {
	t.Parallel()
	const field = "text: |\n"
	for _, tc := range []struct {
		name, md string
		want     []string
	}{
		{"right", "  | Datum | Version |\n  | --- | --- |\n  | 2025-01 | 1.0 |\n", nil},
		{"no outer pipes", "  Datum | Version\n  --- | ---\n  2025-01 | 1.0\n", nil},
		{"escaped pipe", "  | A | B |\n  |---|---|\n  | x \\| y | z |\n", nil},
		{"pipe in code", "  | A | B |\n  |---|---|\n  | `x | y` | z |\n", nil},
		{"too few", "  | Nr | Beskrivning | Mottagare |\n  | --- | --- | --- |\n  | 1 | Rapport |\n", []string{"4:3: text: this table row has 2 cells but the header has 3 (Nr | Beskrivning | Mottagare)"}},
		{"too many", "  | A | B |\n  |---|---|\n  | 1 | 2 | 3 |\n  | 4 | 5 |\n", []string{"4:3: text: this table row has 3 cells but the header has 2"}},
		{"delimiter", "  | A | B |\n  |---|\n  | 1 | 2 |\n", []string{"3:3: text: the table's delimiter row has 1 cells but its header has 2"}},
		{"not a table", "  Ja | nej, och | kanske.\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			data := []byte(field + tc.md)
			src := &model.Source{Path: "x.yaml", Data: data, Positions: map[string]model.Pos{"text": {Line: 1, Col: 7}}}
			c := &Checker{src: src}
			md := tc.md
			// The field's value as YAML gives it: the block without its indent.
			var value string
			for _, l := range splitLines(md) {
				if len(l) >= 2 {
					l = l[2:]
				}
				value += l + "\n"
			}
			c.tables("text", value)
			var got []string
			for _, d := range c.diags {
				got = append(got, d.Error())
			}
			if len(tc.want) == 0 {
				assert.Empty(t, got)
				return
			}
			assert.Len(t, got, len(tc.want))
			for i, w := range tc.want {
				if i < len(got) {
					assert.Contains(t, got[i], "x.yaml:"+w)
				}
			}
		})
	}
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
