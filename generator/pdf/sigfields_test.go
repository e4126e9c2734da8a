package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/internal/doctest"
	"github.com/underlag/underlag/internal/testenv"
)

// sigInfo is what pypdf reads of a file's signature fields and of their
// elements in the structure tree.
type sigInfo struct {
	Pages    int        `json:"pages"`
	SigFlags *int       `json:"sigflags"`
	Fields   []sigField `json:"fields"`
	// Forms are the Form structure elements, in tree order.
	Forms []struct {
		Alt  string `json:"alt"`
		Objs []int  `json:"objs"` // the annotations its OBJR kids name
	} `json:"forms"`
}

type sigField struct {
	Name       string    `json:"name"`
	FT         string    `json:"ft"`
	Obj        int       `json:"obj"`
	Rect       []float64 `json:"rect"`
	Page       int       `json:"page"`
	InAnnots   bool      `json:"in_annots"`
	Flags      int       `json:"flags"`
	HasAP      bool      `json:"has_ap"`
	TU         string    `json:"tu"`
	ParentRole string    `json:"parent_role"` // the role of the element its StructParent names
}

// readSigs prints a JSON list of sigInfo, one for each file in argv:
// pypdf's own field list (get_fields), checked against the AcroForm, the
// pages' annotations and the structure tree.
const readSigs = `
import json, sys, pypdf
from pypdf.generic import IndirectObject
out = []
for path in sys.argv[1:]:
    r = pypdf.PdfReader(path)
    root = r.trailer["/Root"]
    res = {"pages": len(r.pages), "sigflags": None, "fields": [], "forms": []}
    names = r.get_fields() or {}
    af = root["/AcroForm"] if "/AcroForm" in root else None
    nums = {}
    st = root["/StructTreeRoot"] if "/StructTreeRoot" in root else None
    if st is not None:
        pt = st["/ParentTree"]["/Nums"]
        for i in range(0, len(pt), 2):
            nums[int(pt[i])] = pt[i+1]
    if af is not None:
        res["sigflags"] = af.get("/SigFlags")
        for ref in af["/Fields"]:
            f = ref.get_object()
            name = str(f["/T"])
            assert name in names and names[name].get("/FT") == f["/FT"], name
            page = [i for i, p in enumerate(r.pages) if p.indirect_reference.idnum == f.raw_get("/P").idnum][0]
            annots = [a.idnum for a in r.pages[page].get("/Annots", [])]
            role = ""
            if "/StructParent" in f:
                e = nums[int(f["/StructParent"])].get_object()
                role = str(e["/S"])
            res["fields"].append({"name": name, "ft": str(f["/FT"]), "obj": ref.idnum,
                "rect": [float(x) for x in f["/Rect"]], "page": page, "in_annots": ref.idnum in annots,
                "flags": int(f.get("/F", 0)), "has_ap": "/N" in f.get("/AP", {}), "tu": str(f.get("/TU", "")),
                "parent_role": role})
    def walk(k):
        if isinstance(k, IndirectObject):
            k = k.get_object()
        if isinstance(k, list):
            for x in k:
                walk(x)
            return
        if not hasattr(k, "get"):
            return
        if k.get("/S") == "/Form":
            kids = k.get("/K", [])
            if not isinstance(kids, list):
                kids = [kids]
            objs = [x.get_object().raw_get("/Obj").idnum for x in kids if x.get_object().get("/Type") == "/OBJR"]
            res["forms"].append({"alt": str(k.get("/Alt", "")), "objs": objs})
        if "/K" in k and k.get("/Type") != "/MCR":
            walk(k["/K"])
    if st is not None:
        walk(st["/K"])
    out.append(res)
print(json.dumps(out))
`

func readSignatureFields(t *testing.T, paths ...string) []sigInfo {
	t.Helper()
	py := testenv.NeedPypdf(t)
	out := testenv.Run(t, py, append([]string{"-c", readSigs}, paths...)...)
	var res []sigInfo
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Len(t, res, len(paths))
	return res
}

// Each layout gets one signature field per signer over its line, named
// as compose named it, in the AcroForm and the page's annotations,
// printable with an appearance (PDF/A), and a Form element with the
// caption as its alternative text that holds the widget (PDF/UA). Stacked
// signers' fields are one under another at the margin; side by side, two
// to a row.
func TestSignatureLayouts(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	p := r.p
	k := 72 / 25.4
	cases := doctest.SignatureLayouts()
	var paths []string
	for _, c := range cases {
		path, _, _ := render(t, c.Doc)
		paths = append(paths, path)
	}
	infos := readSignatureFields(t, paths...)
	for i, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			s, info := c.Block(), infos[i]
			require.Len(t, info.Fields, len(s.Signers))
			assert.Nil(t, info.SigFlags, "an unsigned file says it holds no signatures")
			require.Len(t, info.Forms, len(s.Signers))
			colW := p.TextWidth()
			if s.Beside {
				colW = (colW - signColGap) / 2
			}
			lineW := min(colW*0.55, 95)
			if s.Layout == doc.NameUnderLine {
				lineW = min(colW, nameLineMax)
			}
			for j, f := range info.Fields {
				sg := s.Signers[j]
				assert.Equal(t, sg.Field, f.Name)
				assert.Equal(t, "/Sig", f.FT)
				assert.True(t, f.InAnnots, "%s: not in the page's /Annots", f.Name)
				assert.Equal(t, 4, f.Flags, "%s: printable, as PDF/A wants", f.Name)
				assert.True(t, f.HasAP, "%s: PDF/A wants a normal appearance", f.Name)
				assert.Equal(t, "/Form", f.ParentRole, "%s: StructParent names its Form element", f.Name)
				alt := s.Caption(&sg)
				if sg.Name != "" {
					alt += ", " + sg.Name
				}
				assert.Equal(t, alt, f.TU)
				assert.Equal(t, alt, info.Forms[j].Alt)
				assert.Equal(t, []int{f.Obj}, info.Forms[j].Objs, "the Form element holds its widget")
				// The rectangle: the line's width, the room above it.
				x := p.MarginLeft
				if s.Beside && j%2 == 1 {
					x += colW + signColGap
				}
				assert.InDelta(t, x*k, f.Rect[0], 0.01, "%s: left", f.Name)
				assert.InDelta(t, lineW*k, f.Rect[2]-f.Rect[0], 0.01, "%s: width", f.Name)
				assert.InDelta(t, signRoom*k, f.Rect[3]-f.Rect[1], 0.01, "%s: height", f.Name)
				if j > 0 {
					prev := info.Fields[j-1]
					if s.Beside && j%2 == 1 {
						assert.Equal(t, prev.Rect[1], f.Rect[1], "%s: beside the one before", f.Name)
					} else {
						assert.Less(t, f.Rect[3], prev.Rect[1], "%s: under the one before", f.Name)
					}
				}
			}
			text := testenv.Squash(strings.Join(testenv.PDFPages(t, paths[i]), "\n"))
			var want []string
			if s.PlaceDate {
				want = append(want, strings.TrimSpace(s.Place+" "+s.Date))
			}
			for _, sg := range s.Signers {
				if s.Layout == doc.NameUnderLine {
					want = append(want, sg.NameLines()...)
				} else {
					want = append(want, s.Caption(&sg))
				}
			}
			if !s.Beside {
				testenv.AssertInOrder(t, text, want...)
			} else {
				for _, w := range want {
					assert.Contains(t, text, w)
				}
			}
			testenv.Run(t, "qpdf", "--check", paths[i])
		})
	}
}

// A block that is not signable, and a document without signatures, get
// no form at all.
func TestNoSignatureFields(t *testing.T) {
	t.Parallel()
	c := doctest.SignatureLayouts()[0]
	c.Block().Signable = false
	for _, d := range []*doc.Document{c.Doc, doctest.All()} {
		var b bytes.Buffer
		require.NoError(t, renderer(t).Render(&b, d))
		assert.NotContains(t, b.String(), "/AcroForm")
		assert.NotContains(t, b.String(), "/FT/Sig")
		assert.NotContains(t, b.String(), "/Widget")
	}
}

// A field name that is not unique, or that compose did not give, is made
// unique and ASCII: readers match names byte for byte.
func TestSignatureFieldNames(t *testing.T) {
	t.Parallel()
	c := doctest.SignatureLayouts()[0]
	s := c.Block()
	s.Signers[0].Field = ""
	s.Signers[1].Field = "a.b c"
	s.Signers[2].Field = "a-b-c"
	path, _, _ := render(t, c.Doc)
	var names []string
	for _, f := range readSignatureFields(t, path)[0].Fields {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"underskrift", "a-b-c", "a-b-c-2"}, names)
}

// TestSignInPlace signs each signature field of a generated file in place
// with poppler's pdfsig, as a signer would in Acrobat or a PAdES service,
// using a throwaway certificate: each signature is valid and covers the
// whole document, and qpdf finds the file sound before and after. Then
// the signers sign one after another, each on the file the one before
// signed: every signature is still valid, the last covers everything.
func TestSignInPlace(t *testing.T) {
	t.Parallel()
	testenv.NeedTool(t, "pdfsig", "certutil", "qpdf")
	cases := doctest.SignatureLayouts()
	c := cases[len(cases)-1]
	path, _, _ := render(t, c.Doc)
	dir := filepath.Dir(path)
	testenv.Run(t, "qpdf", "--check", path)
	nss := throwawayCertificate(t, dir)
	for i, sg := range c.Block().Signers {
		out := filepath.Join(dir, fmt.Sprintf("signed-%d.pdf", i))
		testenv.Run(t, "pdfsig", "-nssdir", nss, "-nick", "underlag-test", "-sign", sg.Field, "-reason", "Test", path, out)
		report := pdfsigReport(t, nss, out)
		assert.Contains(t, report, "Signature Field Name: "+sg.Field)
		assert.Contains(t, report, "Signature Validation: Signature is Valid.")
		assert.Contains(t, report, "Total document signed")
		assert.Equal(t, 1, strings.Count(report, "Signer Certificate Common Name"), "only %s signed", sg.Field)
		testenv.Run(t, "qpdf", "--check", out)
	}
	in := path
	for i, sg := range c.Block().Signers {
		out := filepath.Join(dir, fmt.Sprintf("chain-%d.pdf", i))
		testenv.Run(t, "pdfsig", "-nssdir", nss, "-nick", "underlag-test", "-sign", sg.Field, in, out)
		in = out
	}
	report := pdfsigReport(t, nss, in)
	n := len(c.Block().Signers)
	assert.Equal(t, n, strings.Count(report, "Signature Validation: Signature is Valid."), report)
	assert.Equal(t, 1, strings.Count(report, "Total document signed"), "the last signature covers the whole file")
	testenv.Run(t, "qpdf", "--check", in)
	if os.Getenv("UNDERLAG_KEEP") != "" {
		t.Logf("signed files in %s\n%s", dir, report)
	}
}

// throwawayCertificate makes an NSS database in dir holding a self-signed
// signing certificate, trusted, named underlag-test, and returns the
// database's name for pdfsig -nssdir.
func throwawayCertificate(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "nss")
	require.NoError(t, os.Mkdir(db, 0o700))
	nss := "sql:" + db
	testenv.Run(t, "certutil", "-N", "-d", nss, "--empty-password")
	noise := filepath.Join(dir, "noise")
	require.NoError(t, os.WriteFile(noise, bytes.Repeat([]byte("underlag signerar "), 8), 0o600))
	testenv.Run(t, "certutil", "-S", "-d", nss, "-n", "underlag-test", "-s", "CN=Underlag Test,O=underlag",
		"-x", "-t", "CT,C,C", "-k", "rsa", "-g", "2048", "-v", "1", "-z", noise,
		"--keyUsage", "digitalSignature,nonRepudiation,certSigning")
	return nss
}

// pdfsigReport is pdfsig's report on a file's signatures. pdfsig exits
// with a non-zero status after NSS_Shutdown fails on some systems even
// when the report is complete, so the report, not the status, is judged.
func pdfsigReport(t *testing.T, nss, path string) string {
	t.Helper()
	out, _ := exec.Command("pdfsig", "-nssdir", nss, path).CombinedOutput()
	s := string(out)
	require.Regexp(t, regexp.MustCompile(`Signature #1:`), s)
	return s
}
