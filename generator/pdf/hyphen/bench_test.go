package hyphen

import (
	"os"
	"testing"
)

// BenchmarkLoadCompounds is what the first hyphenated word of a process
// costs: reading and indexing hunspell-sv's word list.
func BenchmarkLoadCompounds(b *testing.B) {
	if _, err := os.Stat(SystemDictionary); err != nil {
		b.Skip("hunspell-sv not installed")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadCompounds(SystemDictionary); err != nil {
			b.Fatal(err)
		}
	}
}
