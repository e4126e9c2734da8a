//go:build unix

package pipeline

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/internal/imagefixture"
)

// TestHostileInput is issue 23's findings, each built from its
// reproduction on main: input as an attacker would write it is refused
// with an error at the file, line and column, never read from outside the
// data tree, never quoted, and never kills the process.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	const memo = "typ: tjänsteskrivelse\nversion: 1\nnämnd: KS\nsammanfattning: S.\nförslag_till_beslut: F.\n"
	outside := t.TempDir()
	secretYAML := filepath.Join(outside, "hemlig.yaml")
	require.NoError(t, os.WriteFile(secretYAML, []byte("typ: tjänsteskrivelse\nversion: 1\nlösenord: hunter2\n"), 0o644))
	secretLabels := filepath.Join(outside, "etiketter.yaml")
	require.NoError(t, os.WriteFile(secretLabels, []byte("sammanfattning: hunter2\n"), 0o644))
	link := func(name, target string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
			require.NoError(t, os.Symlink(target, filepath.Join(dir, name)))
		}
	}
	fifo := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
			require.NoError(t, syscall.Mkfifo(filepath.Join(dir, name), 0o644))
		}
	}
	mallar := "mallar: mallar\n"
	tmpl := func(body string) map[string]string {
		return map[string]string{"m.yaml": memo, "organisation.yaml": mallar, "mallar/tjansteskrivelse.md.tmpl": body}
	}
	jpg := jpegBytes(t)
	for _, tc := range []struct {
		name    string
		files   map[string]string
		setup   func(t *testing.T, dir string)
		check   string // the file validated
		want    string // file-relative "file:line:col: path: message" fragment
		notWant string // what must never show (a secret)
	}{
		// 1. The templates folder leaks files from anywhere.
		{
			name: "template that is a link to /etc/passwd", files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar},
			setup: link("mallar/tjansteskrivelse.md.tmpl", "/etc/passwd"), check: "m.yaml",
			want: "mallar/tjansteskrivelse.md.tmpl: is a link to a file outside the data tree", notWant: "root:",
		},
		{
			name: "labels that are a link out of the tree", files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar},
			setup: link("mallar/etiketter.yaml", secretLabels), check: "m.yaml",
			want: "mallar/etiketter.yaml: is a link to a file outside the data tree", notWant: "hunter2",
		},
		{
			name: "template that is a link to /dev/zero", files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar},
			setup: link("mallar/tjansteskrivelse.md.tmpl", "/dev/zero"), check: "m.yaml",
			want: "mallar/tjansteskrivelse.md.tmpl: is a link to a file outside the data tree",
		},
		{
			name: "template that is a FIFO", files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar},
			setup: fifo("mallar/tjansteskrivelse.md.tmpl"), check: "m.yaml",
			want: "mallar/tjansteskrivelse.md.tmpl: is not a regular file",
		},
		// 2. A data file that is a link out of the tree.
		{
			name: "data file that is a link to /etc/passwd", files: map[string]string{"m.yaml": memo},
			setup: link("leak.yaml", "/etc/passwd"), check: "leak.yaml",
			want: "leak.yaml: is a link to a file outside the data tree", notWant: "root:",
		},
		{
			name: "data file that is a link to a secret YAML", files: map[string]string{"m.yaml": memo},
			setup: link("leak.yaml", secretYAML), check: "leak.yaml",
			want: "leak.yaml: is a link to a file outside the data tree", notWant: "hunter2",
		},
		// 3 and 6. Images.
		{
			name:  "the 69-byte PNG bomb",
			files: map[string]string{"m.yaml": memo + "jämställdhet: \"![Karta](bomb.png)\"\n", "bomb.png": string(imagefixture.PNGBomb(50000, 50000))},
			check: "m.yaml", want: "m.yaml:6:16: jämställdhet: the image bomb.png is 50000 × 50000 pixels (2500.0 megapixels); the limit is 50 megapixels",
		},
		{
			name:  "a 16000 × 16000 PNG",
			files: map[string]string{"m.yaml": memo + "jämställdhet: \"![Karta](stor.png)\"\n", "stor.png": string(imagefixture.PNGBomb(16000, 16000))},
			check: "m.yaml", want: "m.yaml:6:16: jämställdhet: the image stor.png is 16000 × 16000 pixels",
		},
		{
			name:  "the PNG bomb as the logo",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "logotyp: bomb.png\n", "bomb.png": string(imagefixture.PNGBomb(50000, 50000))},
			check: "m.yaml", want: "organisation.yaml:5:10: logotyp: the logo bomb.png is 50000 × 50000 pixels",
		},
		{
			name:  "a truncated JPEG",
			files: map[string]string{"m.yaml": memo + "jämställdhet: \"![Karta](kort.jpg)\"\n", "kort.jpg": string(jpg[:len(jpg)*2/3])},
			check: "m.yaml", want: "m.yaml:6:16: jämställdhet: the image kort.jpg is damaged",
		},
		// 4. Templates run without limits. (The ranges that never end or
		// fill memory are compose's TestTemplateLimits, with a deadline
		// of its own: here, on a loaded machine, the 10 s deadline could
		// come before the output cap.)
		{
			// The format; Go 1.26 marks it %!(NOVERB), earlier
			// versions %!(BADWIDTH).
			name:  "a width too large to read",
			files: tmpl("# Rubrik\n\nText {{ printf \"%0999999999d\" 1 }}\n"),
			check: "m.yaml", want: "mallar/tjansteskrivelse.md.tmpl:3:16: printf: the format \"%0999999999d\" does not fit its arguments: Go prints %!(NOVERB)",
		},
		{
			name:  "BADWIDTH",
			files: tmpl("# Rubrik\n\nText {{ printf \"%*d\" 99999999 1 }}\n"),
			check: "m.yaml", want: "printf: the format \"%*d\" does not fit its arguments: Go prints %!(BADWIDTH)",
		},
		{
			name:  "a verb for the wrong type",
			files: tmpl("# Rubrik\n\n{{ printf \"%d\" .Summary }}\n"),
			check: "m.yaml", want: "Go prints %!d(model.Markdown=S.)",
		},
		// 5. Characters outside the fonts, wherever they are written.
		{
			name:  "emoji in a heading renamed with rubriker",
			files: map[string]string{"m.yaml": memo + "rubriker:\n  sammanfattning: Klart 🙂\n"},
			check: "m.yaml", want: "m.yaml:7:25: rubriker.sammanfattning: U+1F642 🙂 (emoji) cannot be drawn in the PDF",
		},
		{
			name:  "U+FFFE in rubriker",
			files: map[string]string{"m.yaml": memo + "rubriker:\n  sammanfattning: \"Kort\\uFFFE\"\n"},
			check: "m.yaml", want: "m.yaml:7:19: rubriker.sammanfattning: U+FFFE (a non-character) in the text",
		},
		{
			name:  "U+FFFD in rubriker",
			files: map[string]string{"m.yaml": memo + "rubriker:\n  sammanfattning: Kort\uFFFD\n"},
			check: "m.yaml", want: "m.yaml:7:23: rubriker.sammanfattning: U+FFFD (the replacement character) in the text",
		},
		{
			name:  "CJK in the organisation's address",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "adress: {postadress: Storgatan 中}\n"},
			check: "m.yaml", want: "organisation.yaml:5:32: adress.postadress: U+4E2D 中 (CJK) cannot be drawn in the PDF",
		},
		{
			name:  "Arabic in a committee's name",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": "förvaltningar: [{id: bun, namn: سلام}]\n"},
			check: "m.yaml", want: "organisation.yaml:5:33: förvaltningar[0].namn: U+0633 س (Arabic) cannot be drawn in the PDF",
		},
		{
			name:  "Hebrew in the people registry",
			files: map[string]string{"m.yaml": memo, "personer.yaml": "typ: personer\nversion: 1\npersoner: [{id: a, namn: שׁ}]\n"},
			check: "m.yaml", want: "personer.yaml:3:26: personer[0].namn: U+05E9 ש (Hebrew) cannot be drawn in the PDF",
		},
		{
			name:  "emoji in etiketter.yaml",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar, "mallar/etiketter.yaml": "sammanfattning: Kort 🙂\n"},
			check: "m.yaml", want: "mallar/etiketter.yaml:1:22: U+1F642 🙂 (emoji) cannot be drawn in the PDF",
		},
		{
			name:  "emoji in a template's text",
			files: tmpl("# Rubrik\n\nHej 🙂 {{ md .Summary }}\n"),
			check: "m.yaml", want: "mallar/tjansteskrivelse.md.tmpl:3:5: U+1F642 🙂 (emoji) cannot be drawn in the PDF",
		},
		{
			name: "emoji in the organisation's footer template",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar,
				"mallar/_sidfot.md.tmpl": "Min kommun 🙂\n"},
			check: "m.yaml", want: "mallar/_sidfot.md.tmpl:1:12: U+1F642 🙂 (emoji) cannot be drawn in the PDF",
		},
		{
			name: "CJK in the memo's own fact box template",
			files: map[string]string{"m.yaml": memo, "organisation.yaml": mallar,
				"mallar/_fakta.tjansteskrivelse.md.tmpl": "Nämnd: 中\n"},
			check: "m.yaml", want: "mallar/_fakta.tjansteskrivelse.md.tmpl:1:8: U+4E2D 中 (CJK) cannot be drawn in the PDF",
		},
		// 8. One 8 MB paragraph.
		{
			name:  "an 8 MB paragraph",
			files: map[string]string{"m.yaml": memo + "jämställdhet: " + strings.Repeat("ord ", 2<<20) + "\n"},
			check: "m.yaml", want: "m.yaml:6:15: jämställdhet: this text is 8.0 MB; the limit for one field is 1.0 MB",
		},
		// 10. Smaller.
		{
			name:  "a YAML tag",
			files: map[string]string{"m.yaml": memo + "jämställdhet: !!binary aGVq\n"},
			check: "m.yaml", want: "m.yaml:6:15: jämställdhet: the YAML tag !!binary is not read here",
		},
		{
			name:  "an unknown template function",
			files: tmpl("# Rubrik\n\n{{ md .Summary }} {{ okänd .Summary }}\n"),
			check: "m.yaml", want: "mallar/tjansteskrivelse.md.tmpl:3:22: unknown function \"okänd\"",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			org := "typ: organisation\nversion: 1\nnamn: Min kommun\nnämnder: [{förkortning: KS, namn: Kommunstyrelsen}]\n"
			if extra, ok := tc.files["organisation.yaml"]; ok {
				org += extra
			}
			org += "granskning: {regler: {required-field: av}}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "organisation.yaml"), []byte(org), 0o644))
			for name, body := range tc.files {
				if name != "organisation.yaml" {
					p := filepath.Join(dir, filepath.FromSlash(name))
					require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
					require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
				}
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			p, err := New(Config{Version: "test", Formats: []Format{}})
			require.NoError(t, err)
			diags := p.Validate(filepath.Join(dir, tc.check))
			var got []string
			for _, d := range diags {
				got = append(got, strings.TrimPrefix(strings.TrimPrefix(d.Error(), dir), string(filepath.Separator)))
			}
			joined := strings.Join(got, "\n")
			assert.Contains(t, joined, tc.want)
			assert.True(t, diags.HasErrors(), "an error, not a warning")
			if tc.notWant != "" {
				assert.NotContains(t, joined, tc.notWant)
			}
		})
	}
}

func jpegBytes(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7919 % 251)
	}
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, img, nil))
	return b.Bytes()
}
