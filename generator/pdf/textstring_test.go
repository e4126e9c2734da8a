package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

// TestTextString compares textString with its definition: the text as
// UTF-16 code units after a byte-order mark, in upper-case hex.
func TestTextString(t *testing.T) {
	for _, s := range []string{"", "Tjänsteskrivelse", "HSN 2024/1203 § 12", "Nguyễn Thị Mai", "Дмитро", "中文", "😀 𝄞", "bad \xff\xfe utf-8", "\x00\x7f"} {
		var want strings.Builder
		want.WriteString("<FEFF")
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(&want, "%04X", u)
		}
		want.WriteString(">")
		assert.Equal(t, want.String(), textString(s), "%q", s)
	}
}
