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

// BenchmarkSwedish is reading the embedded Swedish patterns, which the
// first hyphenated word of a process waits for.
func BenchmarkSwedish(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Swedish(); err != nil {
			b.Fatal(err)
		}
	}
}
