package wordpkg

import (
	"bytes"
	"strings"
	"testing"
)

// TestStaticCompress: one Static deflates a run of parts into the same
// entries as a new Static each, whatever came before.
func TestStaticCompress(t *testing.T) {
	parts := [][]byte{
		[]byte(strings.Repeat(`<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>`, 40)),
		[]byte(`<?xml version="1.0"?><Types/>`),
		{},
		[]byte(strings.Repeat("å", 5000)),
		[]byte(`<?xml version="1.0"?><Types/>`),
	}
	var s Static
	for i, p := range parts {
		want, err := new(Static).Compress("part", p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Compress("part", p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.data, got.data) || want.crc != got.crc || want.size != got.size {
			t.Errorf("part %d: not the entry a writer of its own makes", i)
		}
	}
}
