package style

import (
	"strconv"
	"strings"
)

// ParseHex reads a colour written as #RRGGBB, as templates and web pages
// write colours; false for anything else.
func ParseHex(s string) (RGB, bool) {
	s, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok || len(s) != 6 {
		return RGB{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, true
}
