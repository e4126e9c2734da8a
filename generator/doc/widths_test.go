package doc

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFitWords(t *testing.T) {
	t.Parallel()
	// The status report's activity table: "Uppdragsledare" needs 32.3 mm
	// in a 26.8 mm column, and the status column's longest word can never
	// fit.
	widths := []float64{44.69, 26.82, 21.45, 22.35, 22.35, 22.35}
	need := []float64{44.67, 32.32, 42.12, 17.42, 17.81, 21.54}
	total := sum(widths)
	got := fitWords(append([]float64(nil), widths...), need)
	assert.InDelta(t, total, sum(got), 1e-9, "the table keeps its width")
	assert.GreaterOrEqual(t, got[1], need[1]-1e-9, "the column that can be helped is")
	assert.Greater(t, got[2], widths[2], "the hopeless one gets what is left")
	for _, i := range []int{0, 3, 4, 5} {
		assert.GreaterOrEqual(t, got[i], need[i]-1e-9, "column %d keeps its words whole", i)
	}
}

func TestColumnWidths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		cols       []Column
		want, need []float64
		check      func(t *testing.T, w []float64)
	}{
		{"hints only", []Column{{Width: 3}, {Width: 1}}, []float64{10, 10}, []float64{5, 5},
			func(t *testing.T, w []float64) { assert.InDeltaSlice(t, []float64{120, 40}, w, 1e-9) }},
		{"auto, everything fits: slack to the text that wraps", nil, []float64{20, 100}, []float64{20, 30},
			func(t *testing.T, w []float64) {
				assert.InDelta(t, 20, w[0], 1e-9, "a column of single words stays as narrow as they are")
				assert.InDelta(t, 140, w[1], 1e-9)
			}},
		{"mixed: auto takes what it wants, hints share the rest", []Column{{}, {Width: 1}, {Width: 1}}, []float64{30, 200, 200}, []float64{20, 20, 20},
			func(t *testing.T, w []float64) {
				assert.InDelta(t, 30, w[0], 1e-9)
				assert.InDelta(t, w[1], w[2], 1e-9)
			}},
		{"a hinted column too narrow for its word is widened", []Column{{Width: 5}, {Width: 1}}, []float64{300, 40}, []float64{30, 40},
			func(t *testing.T, w []float64) { assert.GreaterOrEqual(t, w[1], 40-1e-9) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := ColumnWidths(tt.cols, 160, tt.want, tt.need)
			assert.Len(t, w, len(tt.want))
			assert.InDelta(t, 160, sum(w), 1e-6, "the widths fill the width available")
			tt.check(t, w)
		})
	}
}
