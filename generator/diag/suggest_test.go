package diag

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	t.Parallel()
	keys := []string{"expedieras_till", "bakgrund", "risker", "uppdragsägare", "jämställdhet"}
	tests := []struct{ in, want string }{
		{"expedieras_tll", "expedieras_till"},
		{"Bakgrund", "bakgrund"},
		{"riskr", "risker"},
		{"uppdragsägar", "uppdragsägare"},
		{"jamstalldhet", "jämställdhet"},
		{"sammanfattning", ""},
		{"x", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Closest(tt.in, keys), tt.in)
	}
}
