package style

import "testing"

func TestParseHex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want RGB
		ok   bool
	}{
		{"#005AA0", RGB{0, 0x5a, 0xa0}, true},
		{" #ffffff ", RGB{255, 255, 255}, true},
		{"005AA0", RGB{}, false},
		{"#05A", RGB{}, false},
		{"#GG0000", RGB{}, false},
		{"blå", RGB{}, false},
	} {
		got, ok := ParseHex(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseHex(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
