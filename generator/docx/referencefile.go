package docx

import (
	"fmt"
	"io"
	"time"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
	"github.com/underlag/underlag/generator/style"
)

// WriteReference writes underlag's own reference document: a DOCX with
// every style the renderer uses, each shown in a paragraph that names it,
// to open in Word, restyle and give back with --reference-docx, as
// pandoc's reference.docx is used. Styles are matched by their names (the
// ones Word shows), so a Swedish Word that saves "heading 1" as Rubrik1
// keeps working.
func WriteReference(w io.Writer, p style.Profile) error {
	r, err := New(p)
	if err != nil {
		return err
	}
	return r.Render(w, referenceDocument())
}

// StyleName is one style of the renderer as Word names it, and its type
// (paragraph, character or table).
type StyleName struct {
	Name, Type string
}

// StyleNames lists every style the renderer writes, in the order of its
// styles part: the names an organisation's reference document may
// redefine.
func StyleNames() []StyleName {
	out := make([]StyleName, numStyles)
	for s := range numStyles {
		out[s] = StyleName{Name: builtinStyles[s].name, Type: builtinStyles[s].typ}
	}
	return out
}

func styleText(name, what string) []doc.Inline {
	return []doc.Inline{doc.Strong(name + ": "), doc.Text(what)}
}

func para(name, what string) *doc.Paragraph { return &doc.Paragraph{Text: styleText(name, what)} }

func item(name, what string, nested ...doc.Block) doc.ListItem {
	return doc.ListItem{Blocks: append([]doc.Block{para(name, what)}, nested...)}
}

// referenceDocument shows every style in use, named by what Word calls it.
func referenceDocument() *doc.Document {
	d := date.Of(2025, time.January, 1)
	line := func(s string) doc.Line { return doc.Line{doc.Text(s)} }
	page := doc.Line{doc.Text("Sida "), {Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")}
	heading := func(level int, n, text string) *doc.Heading {
		return &doc.Heading{Level: level, Numbered: true, Number: n, Text: []doc.Inline{doc.Text(text)}, ID: fmt.Sprintf("sec-%d-%s", level, n)}
	}
	table := &doc.Table{
		Columns: []doc.Column{{Width: 1}, {Width: 2}},
		Header:  []doc.Row{{Cells: []doc.Cell{doc.TextCell("Table Heading"), doc.TextCell("tabellens rubrikrad (Table Heading)")}}},
		Rows: []doc.Row{
			{Cells: []doc.Cell{doc.TextCell("Table Text"), doc.TextCell("tabellens celler; rutnätet är tabellformatet Table Grid")}},
			{Cells: []doc.Cell{doc.TextCell("Caption"), doc.TextCell("bildtexten under tabellen")}},
		},
		Caption: "Tabell 1. Caption: bildtext under tabeller och bilder",
	}
	return &doc.Document{
		Meta: doc.Meta{
			Type: "referens", KindLabel: "Referensdokument", Title: "Referensdokument för underlag",
			Subject:      "Formatmallarna som underlags DOCX använder",
			Organisation: "Organisationens namn", Date: d, Language: "sv-SE", Creator: "underlag",
			Header: doc.Header{
				Left:  []doc.Line{line("Header: sidhuvudets vänstra spalt")},
				Right: []doc.Line{line("Header Right Column"), page},
			},
			Footer: []doc.Line{line("Footer: sidfoten, med linjen ovanför")},
		},
		Blocks: []doc.Block{
			&doc.Heading{Level: 0, Text: []doc.Inline{doc.Text("Title: dokumentets titel")}},
			para("Normal", "brödtexten, som alla andra stilar bygger på. Ändra typsnitt, storlek och radavstånd här. Stilarnas namn är de som Word visar; en svensk Word kan kalla dem annat (Rubrik 1), det går lika bra."),
			heading(1, "1", "heading 1: avsnittsrubrik, numrerad"),
			heading(2, "1.1", "heading 2: underrubrik"),
			heading(3, "1.1.1", "heading 3: tredje nivån"),
			&doc.List{Items: []doc.ListItem{
				item("List Bullet", "punktlista",
					&doc.List{Items: []doc.ListItem{item("List Bullet 2", "punktlista, andra nivån",
						&doc.List{Items: []doc.ListItem{item("List Bullet 3", "punktlista, tredje nivån")}})}}),
				{Blocks: []doc.Block{para("List Bullet", "en punkt med två stycken;"), para("List Continue", "det andra stycket i en punkt (List Continue 2 och 3 på djupare nivåer)")}},
			}},
			&doc.List{Ordered: true, Items: []doc.ListItem{
				item("List Number", "numrerad lista",
					&doc.List{Ordered: true, Items: []doc.ListItem{item("List Number 2", "numrerad lista, andra nivån",
						&doc.List{Ordered: true, Items: []doc.ListItem{item("List Number 3", "numrerad lista, tredje nivån")}})}}),
			}},
			table,
			&doc.Paragraph{Small: true, Text: styleText("Fine Print", "liten text, som en not under en tabell")},
			&doc.Paragraph{Text: []doc.Inline{
				doc.Strong("Hyperlink"), doc.Text(" (teckenformat): "), {Text: "www.exempel.se", Link: "https://www.exempel.se"},
				doc.Text(". "), doc.Strong("Verbatim Char"), doc.Text(" (teckenformat): "), {Text: "kod", Style: doc.Code}, doc.Text("."),
			}},
			&doc.Status{Level: doc.Green, Word: "Grön", Line: []doc.Inline{doc.Text("Status Green"), doc.Text(": "), doc.Strong("Grön"), doc.Text(" – "), doc.Text("teckenformatet för en grön status")}},
			&doc.Status{Level: doc.Yellow, Word: "Gul", Line: []doc.Inline{doc.Text("Status Yellow"), doc.Text(": "), doc.Strong("Gul"), doc.Text(" – "), doc.Text("teckenformatet för en gul status")}},
			&doc.Status{Level: doc.Red, Word: "Röd", Line: []doc.Inline{doc.Text("Status Red"), doc.Text(": "), doc.Strong("Röd"), doc.Text(" – "), doc.Text("teckenformatet för en röd status")}},
			&doc.Signatures{
				Labels:  doc.SignatureLabels{Signature: "Signature Label: Underskrift", Date: "Datum", Name: "Namnförtydligande", Place: "Ort"},
				Signers: []doc.Signer{{Role: "Uppdragsägare", ShowPlace: true}},
			},
		},
	}
}
