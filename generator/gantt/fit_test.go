package gantt

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFit: fit gives what measuring each cut with width gives (the way it
// was written before it summed the widths once), for labels in Swedish
// and in other scripts, at widths from nothing to the whole label.
func TestFit(t *testing.T) {
	fs, err := loadFaces()
	require.NoError(t, err)
	// measured cuts every beginning and measures it whole.
	measured := func(s string, w, size float64, bold bool) string {
		if fs.width(s, size, bold) <= w {
			return s
		}
		rs := []rune(s)
		for n := len(rs) - 1; n > 0; n-- {
			t := strings.TrimRight(string(rs[:n]), " ,;:–-") + "…"
			if fs.width(t, size, bold) <= w {
				return t
			}
		}
		return ""
	}
	labels := []string{
		"Förstudie och kartläggning av nuläget",
		"Upphandling, avtal – och införande; etapp 2",
		"Łukasz Wójcik, Trần Bảo Ngọc, Øystein Haugen, Ægir Þórsson",
		"Пилотный проект — этап 1",
		"試験運用と評価",
		", – börjar med skiljetecken, och slutar med dem: –",
		"ogiltig \xff\xfe UTF-8 \xc3 mitt i",
		"ab",
		"a",
		"",
	}
	for _, s := range labels {
		for _, bold := range []bool{false, true} {
			full := fs.width(s, 8, bold)
			for i := 0; i <= 200; i++ {
				w := full * float64(i) / 200
				assert.Equal(t, measured(s, w, 8, bold), fit(fs, s, w, 8, bold), "%q in %.2f mm, bold %v", s, w, bold)
			}
		}
	}
}

func BenchmarkFit(b *testing.B) {
	fs, err := loadFaces()
	require.NoError(b, err)
	s := "Upphandling, avtal – och införande av ett nytt verksamhetssystem; etapp 2"
	w := fs.width(s, 8, false) / 3
	for b.Loop() {
		fit(fs, s, w, 8, false)
	}
}

// TestAppendNum: SVG numbers with at most two decimals, no trailing zeros
// or point, and no negative zero.
func TestAppendNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {-0.001, "0"}, {10, "10"}, {100, "100"}, {10.5, "10.5"},
		{1.25, "1.25"}, {1.257, "1.26"}, {-3.1, "-3.1"}, {0.04, "0.04"},
	} {
		assert.Equal(t, c.want, string(appendNum(nil, c.v)), "%v", c.v)
	}
}

// TestFirstLine: firstLine gives what measuring each longer first line
// anew gives (the way it was written before it summed a word at a time),
// for labels in Swedish and in other scripts, at widths from nothing to
// the whole label.
func TestFirstLine(t *testing.T) {
	fs, err := loadFaces()
	require.NoError(t, err)
	// measured tries each longer first line and measures it whole.
	measured := func(words []string, avail float64) int {
		first := ""
		i := 0
		for ; i < len(words); i++ {
			try := strings.TrimSpace(first + " " + words[i])
			if fs.width(try, labelSize, false) > avail {
				break
			}
			first = try
		}
		return i
	}
	labels := []string{
		"Förstudie och kartläggning av nuläget inför upphandlingen av ett nytt journalsystem",
		"Upphandling, avtal – och införande; etapp 2 (se bilaga 3)",
		"Łukasz Wójcik, Trần Bảo Ngọc, Øystein Haugen, Ægir Þórsson och Ngũgĩ wa Thiong'o",
		"Пилотный проект — этап 1 и этап 2",
		"試験運用と評価 第二段階 😀 完了",
		"Ord",
		"",
	}
	for _, s := range labels {
		words := strings.Fields(s)
		whole := fs.width(s, labelSize, false)
		for avail := 0.0; avail <= whole+1; avail += 0.05 {
			assert.Equal(t, measured(words, avail), firstLine(fs.face(false), words, avail, labelSize), "%q in %.2f mm", s, avail)
		}
	}
}
