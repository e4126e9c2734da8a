package pipeline

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/underlag/underlag/internal/pdffixture"
)

// BenchmarkMeetingPacket times the packet of a meeting of 40 items, each
// a memo with 3 attachments (a data file built in the same run and two
// PDFs made elsewhere): loading, checking and composing the meeting, its
// 40 memos and their 40 data attachments, reading the 80 PDFs, and laying
// out and writing the one PDF, as `underlag build` does it for the
// meeting's packet:
//
//	go test -run '^$' -bench MeetingPacket -benchtime 5x ./generator/pipeline
//
// Every iteration uses a new pipeline, so nothing a build would read once
// is cached from the one before.
func BenchmarkMeetingPacket(b *testing.B) {
	const items, pdfs = 40, 2
	dir := b.TempDir()
	write := func(name, body string) string {
		b.Helper()
		p := filepath.Join(dir, name)
		writeBytes(b, p, []byte(body))
		return p
	}
	write("organisation.yaml", "typ: organisation\nversion: 1\nnamn: Region Bench\nnämnder:\n  - {förkortning: HSN, namn: Hälso- och sjukvårdsnämnden}\n")
	write("personer.yaml", "typ: personer\nversion: 1\npersoner:\n  - {id: anna, namn: Anna Ordförande}\n")
	var agenda strings.Builder
	for i := range items {
		write(fmt.Sprintf("yttrande-%02d.yaml", i), fmt.Sprintf(`typ: tjänsteskrivelse
version: 1
titel: Yttrande %[1]d
diarienummer: HSN %[1]d-2024
datum: 2024-11-20
nämnd: HSN
sammanfattning: %[2]s
förslag_till_beslut: Nämnden beslutar enligt förslaget.
`, i, strings.Repeat("Förvaltningen har berett ärendet och föreslår att nämnden beslutar enligt förslaget. ", 20)))
		var basis strings.Builder
		fmt.Fprintf(&basis, "  - {titel: Yttrande %d, fil: yttrande-%02d.yaml}\n", i, i)
		for k := range pdfs {
			name := fmt.Sprintf("bilaga-%02d-%d.pdf", i, k)
			writeBytes(b, filepath.Join(dir, name), pdffixture.PDF(name, pdffixture.Page{Lines: []string{"Bilaga", name}}, pdffixture.Page{Lines: []string{"Sida 2"}}))
			fmt.Fprintf(&basis, "  - {titel: Bilaga %d, fil: %s}\n", k+2, name)
		}
		write(fmt.Sprintf("memo-%02d.yaml", i), fmt.Sprintf(`typ: tjänsteskrivelse
version: 1
titel: Ärende %[1]d
diarienummer: HSN %[1]d-2024
datum: 2024-11-20
nämnd: HSN
sammanfattning: %[2]s
förslag_till_beslut: Nämnden beslutar enligt förslaget.
beslutsunderlag:
%[3]s`, 100+i, strings.Repeat("Ärendet gäller en fråga som nämnden ska besluta om. ", 30), basis.String()))
		fmt.Fprintf(&agenda, "  - handling: memo-%02d.yaml\n", i)
	}
	src := write("meeting.yaml", "typ: sammanträde\nversion: 1\nnämnd: HSN\ndatum: 2024-12-10\ntid: \"09.00\"\nplats: Sal A\nledamöter: [{person: {id: anna}}]\närenden:\n"+agenda.String())
	b.ResetTimer()
	for b.Loop() {
		p, err := New(Config{Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		d, ds := p.Load(src)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		notice, ds := p.Compose(d)
		if ds.HasErrors() {
			b.Fatal(ds)
		}
		prods, ds := p.Products(d, notice)
		if ds.HasErrors() || len(prods) != 1 {
			b.Fatal(ds, len(prods))
		}
		pages, err := p.RenderProduct(io.Discard, "pdf", prods[0])
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pages), "pages")
	}
}

func writeBytes(tb testing.TB, path string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}
