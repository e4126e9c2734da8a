package load_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/load"
)

// Quotes and lists nested deeper than MaxNesting on one line are refused
// at the field: 380,000 levels of "> " (760 kB, within the field limit)
// held a build for more than five minutes in the Markdown parser.
func TestNesting(t *testing.T) {
	t.Parallel()
	deep := func(marker string, n int) string { return strings.Repeat(marker, n) + "x" }
	tests := []struct {
		name, text string
		want       string // "" for accepted
	}{
		{"a quote in a list", "- > x", ""},
		{"quotes at the limit", deep("> ", load.MaxNesting), ""},
		{"quotes past the limit", deep("> ", load.MaxNesting+1), strconv.Itoa(load.MaxNesting+1) + " levels deep; the limit is " + strconv.Itoa(load.MaxNesting)},
		{"quotes without blanks", deep(">", 380_000), "380000 levels deep"},
		{"bullets", deep("- ", 380_000), "380000 levels deep"},
		{"numbered and mixed", deep("1. * + > ", load.MaxNesting), strconv.Itoa(4*load.MaxNesting) + " levels deep"},
		{"on a later line", "Inledning.\n\n" + deep("> ", load.MaxNesting+1), "levels deep on its line 3"},
		{"a thematic break and a dash in a sentence", "- - -\nEn mening - med streck.", ""},
		{"numbers that are not a list", strings.Repeat("1.5 ", 1000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, diags := load.Bytes("m.yaml", []byte(memoHead+"jämställdhet: "+strconv.Quote(tt.text)+"\n"))
			if tt.want == "" {
				assert.False(t, diags.HasErrors(), diags.Error())
				return
			}
			assert.Contains(t, diags.Error(), "m.yaml:6:15: jämställdhet: this text nests quotes (>) and lists")
			assert.Contains(t, diags.Error(), tt.want)
		})
	}
}
