package pdf

import "testing"

// FuzzOpenForeign opens arbitrary bytes as a foreign PDF: it fails with an
// error, never a panic, and what it accepts stays within the limits
// (issue 23). `go test` runs the seeds.
func FuzzOpenForeign(f *testing.F) {
	f.Add(pdfWithKids(1, false))
	f.Add(pdfWithKids(3, false))
	f.Add(pdfWithKids(2, true))
	f.Add([]byte("%PDF-1.7\n%%EOF startxref"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fp, err := OpenForeign(data)
		if err != nil {
			return
		}
		if n := fp.Pages(); n < 1 || n > MaxForeignPages {
			t.Fatalf("accepted %d pages", n)
		}
	})
}
