package filename

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"HSN 1203-2024", "hsn-1203-2024"},
		{"Tjänsteskrivelse", "tjansteskrivelse"},
		{"Överlämning åäö ÅÄÖ", "overlamning-aao-aao"},
		{"Sámi: á č đ ï ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž", "sami-a-c-d-i-n-s-t-z-a-c-d-n-s-t-z"},
		{"Æblegrød ß", "aeblegrod-ss"},
		{"../../etc/passwd", "etc-passwd"},
		{"/absolute/path", "absolute-path"},
		{`C:\Windows\system32`, "c-windows-system32"},
		{"a\x00b", "a-b"},
		{"bad \xff utf8", "bad-utf8"},
		{"...", ""},
		{"", ""},
		{"日本語", ""},
		{"--a--b--", "a-b"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Slug(tt.in), "Slug(%q)", tt.in)
	}
}

func TestSlugLength(t *testing.T) {
	t.Parallel()
	s := Slug(strings.Repeat("lång text ", 100))
	assert.LessOrEqual(t, len(s), MaxLen)
	assert.False(t, strings.HasSuffix(s, "-"))
	assert.True(t, strings.HasPrefix(s, "lang-text-"))
}

func TestFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                     string
		date, caseNo, kind, stem string
		want                     string
	}{
		{"memo", "2024-11-20", "HSN 1203-2024", "tjänsteskrivelse", "x", "2024-11-20-hsn-1203-2024-tjansteskrivelse"},
		{"month", "2025-03", "", "statusrapport", "x", "2025-03-statusrapport"},
		{"no date or case", "", "", "uppdragsdirektiv", "Nära vård 2025", "nara-vard-2025-uppdragsdirektiv"},
		{"stem is kind", "", "", "uppdragsdirektiv", "uppdragsdirektiv", "uppdragsdirektiv"},
		{"nothing", "", "", "", "", "dokument"},
		{"traversal", "", "../../../etc/passwd", "tjänsteskrivelse", "x", "etc-passwd-tjansteskrivelse"},
		{"absolute", "/tmp/x", "/root", "statusrapport", "x", "tmp-x-root-statusrapport"},
		{"dots only", "..", "..", "..", "..", "dokument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := For(tt.date, tt.caseNo, tt.kind, tt.stem)
			assert.Equal(t, tt.want, got)
			assert.True(t, filepath.IsLocal(got))
			assert.Equal(t, got, filepath.Base(got))
		})
	}
}

func TestForLongKeepsKind(t *testing.T) {
	t.Parallel()
	got := For("2024-11-20", strings.Repeat("HSN 1203-2024 ", 30), "tjänsteskrivelse", "")
	assert.LessOrEqual(t, len(got), MaxLen)
	assert.True(t, strings.HasPrefix(got, "2024-11-20-hsn-1203-2024"))
	assert.True(t, strings.HasSuffix(got, "-tjansteskrivelse"), got)
}

func FuzzFor(f *testing.F) {
	f.Add("2024-11-20", "HSN 1203-2024", "tjänsteskrivelse", "stem")
	f.Add("../..", "/", "\x00", "..")
	f.Fuzz(func(t *testing.T, d, c, k, s string) {
		got := For(d, c, k, s)
		if got == "" || len(got) > MaxLen || !filepath.IsLocal(got) || filepath.Base(got) != got || strings.Trim(got, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Fatalf("For(%q, %q, %q, %q) = %q", d, c, k, s, got)
		}
	})
}
