package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// pdfWithKids is a PDF whose page tree lists kids page references, each
// a reference to page object 3 (its one page) when same is set, else to
// pages of their own; count is what /Count claims.
func pdfWithKids(kids int, same bool) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.7\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var refs strings.Builder
	for i := range kids {
		n := 3
		if !same {
			n = 3 + i
		}
		fmt.Fprintf(&refs, "%d 0 R ", n)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", refs.String(), kids))
	pages := 1
	if !same {
		pages = kids
	}
	for range pages {
		obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// A foreign PDF is refused past MaxForeignPages pages, and when its page
// tree lists one page more than once: the 1.2 MB file that lists one page
// 200,000 times ran the packet past a minute (issue 23, finding 7).
func TestForeignLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data []byte
		want string // "" for accepted
	}{
		{"three pages", pdfWithKids(3, false), ""},
		{"one page listed 200,000 times", pdfWithKids(200_000, true), fmt.Sprintf("200000 pages; the limit is %d", MaxForeignPages)},
		{"one page listed twice", pdfWithKids(2, true), "lists page object 3 twice"},
		{"more pages than the limit", pdfWithKids(MaxForeignPages+1, false), fmt.Sprintf("%d pages; the limit is %d", MaxForeignPages+1, MaxForeignPages)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := OpenForeign(tt.data)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if f.Pages() != 3 {
					t.Fatalf("pages = %d", f.Pages())
				}
				return
			}
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrTooLarge) || err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v; want %q", err, tt.want)
			}
		})
	}
}
