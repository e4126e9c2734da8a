package testenv

import (
	"encoding/json"
	"testing"
)

// Docx is what python-docx, the library most Word automation is written
// with, reads from a DOCX file.
type Docx struct {
	// Headings are the paragraphs in a Title or Heading style, as
	// [style name, text].
	Headings [][2]string `json:"headings"`
	// Tables are every table's rows of cell texts.
	Tables [][][]string `json:"tables"`
	// Fields are the names of the fields (PAGE, NUMPAGES, ...) in every
	// header and footer of every section, complex (w:instrText) and
	// simple (w:fldSimple), once per occurrence.
	Fields []string `json:"fields"`
	// Core are the core properties (docProps/core.xml).
	Core DocxCore `json:"core"`
	// H1Font and H1Color are the font name and the RGB colour ("C00000")
	// of the Heading 1 style; empty where the style does not set them.
	H1Font  string `json:"h1font"`
	H1Color string `json:"h1color"`
}

// DocxCore are a document's core properties as python-docx reads them;
// empty where the document has none.
type DocxCore struct {
	Title    string `json:"title"`
	Creator  string `json:"creator"`
	Keywords string `json:"keywords"`
	Language string `json:"language"`
	Subject  string `json:"subject"`
	Created  string `json:"created"` // "2024-11-20 00:00:00"
}

// readDocx prints a JSON list of Docx, one for each file named in argv.
const readDocx = `
import json, re, sys, docx
out = []
for path in sys.argv[1:]:
    d = docx.Document(path)
    # python-docx 1.x reads Word's non-breaking hyphen as "-"; Debian's
    # 0.8 drops it: read it as the newer one does.
    from docx.oxml.ns import qn
    for el in list(d.element.body.iter(qn("w:noBreakHyphen"))):
        t = el.makeelement(qn("w:t"), {})
        t.text = "-"
        el.addprevious(t)
        el.getparent().remove(el)
    res = {"headings": [], "tables": [], "fields": []}
    for p in d.paragraphs:
        if p.style.name.startswith("Heading") or p.style.name == "Title":
            res["headings"].append([p.style.name, p.text])
    for t in d.tables:
        res["tables"].append([[c.text for c in row.cells] for row in t.rows])
    cp = d.core_properties
    res["core"] = {"title": cp.title, "creator": cp.author, "keywords": cp.keywords, "language": cp.language,
                   "subject": cp.subject, "created": str(cp.created) if cp.created else ""}
    for s in d.sections:
        for part in (s.header, s.footer, s.first_page_header, s.first_page_footer, s.even_page_header, s.even_page_footer):
            if part.is_linked_to_previous:
                continue
            xml = part._element.xml
            instr = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml) + re.findall(r'w:instr="([^"]*)"', xml)
            res["fields"] += [i.split()[0] for i in instr if i.split()]
    res["h1font"], res["h1color"] = "", ""
    if "Heading 1" in d.styles:
        st = d.styles["Heading 1"]
        res["h1font"] = st.font.name or ""
        res["h1color"] = str(st.font.color.rgb) if st.font.color and st.font.color.type else ""
    out.append(res)
print(json.dumps(out))
`

// ReadDocx reads each file with python-docx (see NeedPythonDocx), all in
// one run of Python, and returns what it found in the order of files.
func ReadDocx(t testing.TB, files ...string) []Docx {
	t.Helper()
	py := NeedPythonDocx(t)
	out := Run(t, py, append([]string{"-c", readDocx}, files...)...)
	var res []Docx
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	if len(res) != len(files) {
		t.Fatalf("python-docx read %d documents, want %d", len(res), len(files))
	}
	return res
}
