package html_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/underlag/underlag/generator/packet"
	"github.com/underlag/underlag/internal/browser"
	"github.com/underlag/underlag/internal/testenv"
)

// runTidy runs `tidy -errors -quiet` on a file and returns what it says:
// nothing for a page without errors or warnings.
func runTidy(path string) (string, error) {
	out, err := exec.Command("tidy", "-errors", "-quiet", path).CombinedOutput()
	return string(out), err
}

// TestTextMatchesPDF compares what a reader of each example's HTML page
// sees (Chromium's innerText of <main>) with what a reader of its PDF sees
// (pdftotext -raw, the text in the order it is drawn): the same sentences
// in the same order.
//
// The comparison is fair to both layouts. Text is compared without its
// whitespace and the soft hyphens at which the PDF breaks words, so line
// breaks and hyphenation do not count. The page's text is cut into
// sentences at block, cell and sentence ends; each must be found in the
// PDF's text after the one before it. What is left of the PDF's text
// between them must be only what the web page leaves out on purpose: the
// running header and footer and page numbers on every page, list bullets
// and numbers (the browser draws them, innerText does not hold them), and
// the words printed under signature lines. A table's caption is looked
// for on its own (see below).
func TestTextMatchesPDF(t *testing.T) {
	out, pages := buildExamples(t)
	testenv.NeedTool(t, "pdftotext")
	b := browser.New(t)
	for _, page := range pages {
		rel, _ := filepath.Rel(out, page)
		if strings.HasSuffix(page, packet.Suffix+".html") {
			// A packet's PDF holds the attached PDFs' pages, which its
			// page links to: TestPacketPage checks it.
			continue
		}
		t.Run(rel, func(t *testing.T) {
			p := b.Open(t, page, 1280)
			body := p.Text("main")
			// The running header and footer, and table headers, which the
			// PDF repeats on every page a table continues onto.
			var furniture []string
			for _, s := range p.Texts(".sidhuvud, .sidfot, thead") {
				furniture = append(furniture, strings.Split(s, "\n")...)
			}
			// A timeline's chart is text in the SVG and in the PDF, each
			// drawn in the layout's order, and its words are short ("jan",
			// "2025") and found anywhere: it is compared by its
			// alternative text (TestTimeline), its caption here.
			for _, s := range p.Texts("figure.tidslinje") {
				lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
				chart := lines[:len(lines)-1]
				body = strings.Replace(body, strings.Join(chart, "\n"), "", 1)
				furniture = append(furniture, chart...)
			}
			pdf := testenv.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", strings.TrimSuffix(page, ".html")+".pdf", "-")
			// A table's caption is under the table in the PDF and on the
			// screen, but first in the table's markup, as HTML wants it,
			// and so first in innerText: it is looked for on its own.
			text := squash(pdf)
			// A signer's lines: the PDF prints each value above its label
			// (date, "Datum"), the page as "Datum: …"; each value must be in
			// the PDF, in any order.
			for _, sg := range p.Texts(".underskrifter .undertecknare") {
				body = strings.Replace(body, sg, "", 1)
				for _, line := range strings.Split(sg, "\n") {
					if _, v, ok := strings.Cut(line, ": "); ok {
						line = v
					}
					assert.Contains(t, text, squash(line), "the signer's line is not in the PDF")
					furniture = append(furniture, line)
				}
			}
			for _, c := range p.Texts("caption") {
				body = strings.Replace(body, c, "", 1)
				assert.Contains(t, text, squash(c), "the caption is not in the PDF")
				furniture = append(furniture, c)
			}
			for _, problem := range textProblems(body, pdf, furniture) {
				t.Error(problem)
			}
		})
	}
}

// sentenceEnd is where a sentence ends inside a line of text.
var sentenceEnd = regexp.MustCompile(`[.!?:;] `)

// sentences cuts the page's text at line ends, cells (tabs) and sentence
// ends.
func sentences(text string) []string {
	var out []string
	for _, unit := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\t' }) {
		for _, s := range splitAfter(unit) {
			if s = squash(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func splitAfter(s string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			return append(out, s)
		}
		out = append(out, s[:loc[0]+1])
		s = s[loc[1]:]
	}
}

// squash drops whitespace and soft hyphens: "om\u00ad\nställningen" and
// "omställningen" are the same text.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u00a0', '\u00ad':
			return -1
		}
		return r
	}, s)
}

// leftOver is what the PDF may say that the page's main text does not:
// list marks, page numbers ("2 (5)", "Sida 2 av 5"), the words printed
// under signature lines.
var leftOver = regexp.MustCompile(`^(•|–|-|\d+\.|\d+\(\d+\)|(?:Sida)?\d+av\d+|Sida\d+|Underskrift|Datum|Namnförtydligande|Ort|Ortochdatum|…+|\.+|_+)*$`)

// textProblems compares the page's text with the PDF's (see
// TestTextMatchesPDF) and says what differs, nothing when they agree.
func textProblems(body, pdf string, furniture []string) []string {
	var out []string
	text := squash(pdf)
	// masked is the text with the furniture blanked out, so that a short
	// sentence (an agenda number "4") is found in the body and not inside
	// a running header's date; a longer one, or one found only in
	// furniture, is looked for in the whole text.
	masked := text
	for _, f := range furniture {
		if f = squash(f); f != "" {
			masked = strings.ReplaceAll(masked, f, strings.Repeat("\x00", len(f)))
		}
	}
	at := 0
	var rest []string
	for _, s := range sentences(body) {
		i := -1
		if len(s) <= 3 {
			i = strings.Index(masked[at:], s)
		}
		if i < 0 {
			i = strings.Index(text[at:], s)
		}
		if i < 0 {
			if strings.Contains(text, s) {
				out = append(out, fmt.Sprintf("%q is in the PDF, but not after %q", s, tail(text[:at])))
			} else {
				out = append(out, fmt.Sprintf("%q is not in the PDF", s))
			}
			continue
		}
		rest = append(rest, text[at:at+i])
		at += i + len(s)
	}
	rest = append(rest, text[at:])
	// Longest first, so that no piece of the furniture cuts a longer one.
	pieces := make([]string, len(furniture))
	for i, f := range furniture {
		pieces[i] = squash(f)
	}
	sort.Slice(pieces, func(i, j int) bool { return len(pieces[i]) > len(pieces[j]) })
	for _, r := range rest {
		for _, f := range pieces {
			if f != "" {
				r = strings.ReplaceAll(r, f, "")
			}
		}
		if !leftOver.MatchString(r) {
			out = append(out, fmt.Sprintf("the PDF says %q, which the page does not", r))
		}
	}
	return out
}

// TestTextProblems shows that the comparison finds what it is for.
func TestTextProblems(t *testing.T) {
	const body = "Rubrik\nFörsta meningen. Andra meningen.\nCell ett\tCell två"
	furniture := []string{"Region Exempel", "Tjänsteskrivelse"}
	cases := []struct {
		name string
		pdf  string
		bad  bool
	}{
		{"same, laid out", "Region Exempel Tjänsteskrivelse\n1 (2)\nRubrik\nFörsta me\u00ad\nningen. Andra\nmeningen.\n• Cell ett Cell två\n", false},
		{"a sentence missing", "Rubrik\nFörsta meningen.\nCell ett Cell två", true},
		{"two sentences swapped", "Rubrik\nAndra meningen. Första meningen.\nCell ett Cell två", true},
		{"the PDF says more", "Rubrik\nFörsta meningen. Andra meningen. Tredje meningen.\nCell ett Cell två", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := textProblems(body, c.pdf, furniture)
			assert.Equal(t, c.bad, len(got) > 0, "%v", got)
		})
	}
	// An agenda number is found in the body, not inside the running
	// header's date of the page before it.
	t.Run("a short number after a header's date", func(t *testing.T) {
		got := textProblems("Rubrik\n4\tInformation", "Rubrik\n2 (2) 2024-12-10\n4 Information", []string{"2024-12-10"})
		assert.Empty(t, got)
	})
}

func tail(s string) string {
	if len(s) > 60 {
		s = s[len(s)-60:]
	}
	return s
}
