package wordpkg

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func wellFormed(t *testing.T, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "%s", data)
	}
}

func TestEscape(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"plain åäö", "plain åäö"},
		{"Literal | # * {{ <script> &", "Literal | # * {{ &lt;script&gt; &amp;"},
		{`"a" 'b'`, "&quot;a&quot; &apos;b&apos;"},
		{"bell\x07 nul\x00 tab\t", "bell nul tab\t"},
		{"bad \xff utf8", "bad  utf8"},
		{"", ""},
	} {
		assert.Equal(t, c.want, string(Escape(nil, c.in)), c.in)
	}
}

func TestUnits(t *testing.T) {
	t.Parallel()
	assert.Equal(t, 11906, Twips(210))
	assert.Equal(t, 22, HalfPoints(11))
	assert.Equal(t, int64(360000), EMU(10))
	assert.Equal(t, 2, EighthPoints(0.01), "thinnest border Word draws")
}

func TestParts(t *testing.T) {
	t.Parallel()
	var rels Rels
	assert.Equal(t, "rId1", rels.Add(RelStyles, "styles.xml", false))
	assert.Equal(t, "rId2", rels.Add(RelHyperlink, "https://a.se/?q=1&r=<2>", true))
	ct := ContentTypes{Defaults: [][2]string{{"xml", CTXML}}, Overrides: [][2]string{{"/word/document.xml", CTDocument}}}
	core := Core{Title: "Titel & <mer>", Creator: "Region", Keywords: []string{"a", "b"}, Language: "sv-SE", Created: "2024-11-20T00:00:00Z"}
	app := App{Application: "underlag", Company: "Region & co"}
	sect := Section{PageWidth: 11906, PageHeight: 16838, Top: 1814, HeaderRef: "rId5", FooterRef: "rId6"}
	num := AbstractNum{ID: 1, Name: "Rubriker", Levels: []Level{{Format: "decimal", Text: "%1.", PStyle: "Heading1", Suffix: "space"}, {Format: "decimal", Text: "%1.%2."}}}
	for name, data := range map[string][]byte{
		"rels":      rels.AppendXML(nil),
		"types":     ct.AppendXML(nil),
		"core":      core.AppendXML(nil),
		"app":       app.AppendXML(nil),
		"sect":      sect.AppendXML([]byte(`<w:body xmlns:w="` + NSW + `" xmlns:r="` + NSR + `">`)),
		"field":     Field([]byte(`<w:p xmlns:w="`+NSW+`">`), "PAGE", "1", "<w:rPr><w:b/></w:rPr>"),
		"numbering": Num(num.AppendXML([]byte(NumberingStart)), 3, 1, 0, 2),
		"relsKept":  AppendRelationships(nil, []Relationship{{ID: "rId9", Type: RelImage, Target: "media/a.png"}}),
	} {
		switch name {
		case "sect":
			data = append(data, "</w:body>"...)
		case "field":
			data = append(data, "</w:p>"...)
		case "numbering":
			data = append(data, NumberingEnd...)
		}
		t.Run(name, func(t *testing.T) { wellFormed(t, data) })
	}
	assert.Contains(t, string(rels.AppendXML(nil)), `Id="rId2" Type="`+RelHyperlink+`" Target="https://a.se/?q=1&amp;r=&lt;2&gt;" TargetMode="External"`)
	assert.Contains(t, string(core.AppendXML(nil)), `<cp:keywords>a, b</cp:keywords>`)
	f := string(Field(nil, "NUMPAGES", "1", ""))
	assert.Contains(t, f, `<w:fldChar w:fldCharType="begin"/>`)
	assert.Contains(t, f, `<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>`)
	assert.Contains(t, f, `<w:fldChar w:fldCharType="end"/>`)
	s := string(sect.AppendXML(nil))
	assert.Contains(t, s, `<w:headerReference w:type="default" r:id="rId5"/>`)
	assert.Contains(t, s, `<w:pgSz w:w="11906" w:h="16838"/>`)
	n := string(Num(nil, 3, 1, 2, 5))
	assert.Equal(t, `<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`, n)
}

func TestZip(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("<w:p>text</w:p>"), 500)
	e, err := new(Static).Compress("word/styles.xml", big)
	require.NoError(t, err)
	c := NewCompressors()
	write := func() []byte {
		var buf bytes.Buffer
		w := NewWriter(&buf, c)
		require.NoError(t, w.Raw(&e))
		require.NoError(t, w.Add("word/document.xml", big))
		require.NoError(t, w.Add("docProps/core.xml", []byte("<small/>")))
		require.NoError(t, w.Close())
		return buf.Bytes()
	}
	a := write()
	assert.Equal(t, a, write(), "same parts, same bytes")
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	require.NoError(t, err)
	require.Len(t, zr.File, 3)
	for i, want := range [][]byte{big, big, []byte("<small/>")} {
		rc, err := zr.File[i].Open()
		require.NoError(t, err)
		got, err := io.ReadAll(rc)
		require.NoError(t, err, zr.File[i].Name)
		assert.Equal(t, want, got, zr.File[i].Name)
	}
	assert.Equal(t, zip.Store, zr.File[2].Method, "small parts are stored")
}

func TestReadReference(t *testing.T) {
	t.Parallel()
	styles := []byte(`<?xml version="1.0"?><w:styles xmlns:w="` + NSW + `"><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="Stark"><w:name w:val="Strong"/></w:style></w:styles>`)
	infos, end, err := Styles(styles)
	require.NoError(t, err)
	assert.Equal(t, []StyleInfo{{"Rubrik1", "heading 1", "paragraph"}, {"Stark", "Strong", "character"}}, infos)
	assert.Equal(t, "</w:styles>", string(styles[end:]))
	_, _, err = Styles([]byte("<w:styles"))
	assert.Error(t, err)

	document := []byte(`<w:document xmlns:w="` + NSW + `" xmlns:r="` + NSR + `"><w:body><w:p><w:pPr><w:sectPr><w:pgSz w:w="1" w:h="2"/></w:sectPr></w:pPr></w:p><w:sectPr><w:headerReference w:type="first" r:id="rId8"/><w:headerReference w:type="default" r:id="rId9"/><w:footerReference w:type="default" r:id="rId10"/><w:pgSz w:w="12240" w:h="15840" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1000" w:bottom="1440" w:left="1000" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	s, ok, err := PageSetup(document)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, Setup{Section: Section{PageWidth: 12240, PageHeight: 15840, Landscape: true, Top: 1440, Bottom: 1440, Left: 1000, Right: 1000, Header: 708, Footer: 708}, HeaderID: "rId9", FooterID: "rId10"}, s)

	// A package round trip through godocx's reader.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{
		"_rels/.rels":                  string(AppendRelationships(nil, []Relationship{{ID: "rId1", Type: RelOfficeDocument, Target: "word/document.xml"}})),
		"word/document.xml":            string(document),
		"word/_rels/document.xml.rels": string(AppendRelationships(nil, []Relationship{{ID: "rId1", Type: RelStyles, Target: "styles.xml"}, {ID: "rId2", Type: RelHyperlink, Target: "https://x.se", TargetMode: "External"}})),
	} {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, _ = w.Write([]byte(data))
	}
	require.NoError(t, zw.Close())
	pkg, err := ReadPackage(buf.Bytes())
	require.NoError(t, err)
	main, err := pkg.MainPart()
	require.NoError(t, err)
	assert.Equal(t, "word/document.xml", main)
	rels, err := pkg.Rels(main)
	require.NoError(t, err)
	assert.Equal(t, "word/styles.xml", rels[0].Target)
	assert.Equal(t, "https://x.se", rels[1].Target)
}
