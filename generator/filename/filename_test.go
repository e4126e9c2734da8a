package filename

import (
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
