package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
)

// TestTextString encodes text strings as the writer did through fmt,
// one UTF-16 unit at a time: the same bytes for ASCII, Swedish letters,
// characters beyond the basic plane (a surrogate pair), and bytes that are
// not UTF-8 (each the replacement character).
func TestTextString(t *testing.T) {
	t.Parallel()
	viaFmt := func(s string) string {
		var b strings.Builder
		b.WriteString("<FEFF")
		for _, u := range utf16.Encode([]rune(s)) {
			fmt.Fprintf(&b, "%04X", u)
		}
		b.WriteString(">")
		return b.String()
	}
	for _, s := range []string{
		"",
		"Bilaga 1 Uppdragsdirektiv",
		"Åtgärder för ökad tillgänglighet – §§ 12–14",
		"Tidplan 📅 och 𝄞",
		"trasig \xff\xfe byte",
		"\u2028\ufffd\uffff",
	} {
		assert.Equal(t, viaFmt(s), textString(s), "%q", s)
	}
}
