// Package doctest builds document trees for the renderers' tests: one that
// holds every node kind with Swedish and Sami text, and generated stress
// cases (a long table, a long definitions list, a signature block at the
// foot of a page), and the loops of the renderers' benchmarks.
package doctest

import (
	"fmt"
	"time"

	"github.com/underlag/underlag/generator/date"
	"github.com/underlag/underlag/generator/doc"
)

// Meta returns the metadata of a memo, with the running header and footer
// filled in as compose fills them.
func Meta() doc.Meta {
	return doc.Meta{
		Type:         "tjänsteskrivelse",
		KindLabel:    "Tjänsteskrivelse",
		Title:        "Utveckling av samspelet mellan specialistvård och primärvård",
		Subject:      "Tjänsteskrivelse till Hälso- och sjukvårdsnämnden",
		Keywords:     []string{"HSN 1203-2024", "nära vård"},
		Organisation: "Region Västerbotten",
		Committee:    "Hälso- och sjukvårdsnämnden",
		Date:         date.Of(2024, time.November, 20),
		CaseNumber:   "HSN 1203-2024",
		CaseOfficer:  "Erika Frohm",
		Language:     "sv-SE",
		Creator:      "underlag test",
		Header: doc.Header{
			Left: []doc.Line{{doc.Strong("Region Västerbotten")}, {doc.Text("Hälso- och sjukvårdsförvaltningen")}},
			Right: []doc.Line{
				{doc.Strong("Tjänsteskrivelse")},
				{{Field: doc.PageField}, doc.Text(" ("), {Field: doc.PagesField}, doc.Text(")")},
				{doc.Text("2024-11-20")},
				{doc.Text("HSN 1203-2024")},
			},
		},
		Footer:      []doc.Line{{doc.Text("Region Västerbotten · 901 89 Umeå · Besök: Köksvägen 11 · Tel 090-785 00 00 · www.regionvasterbotten.se")}},
		Attachments: []doc.Attachment{{Name: "källa.yaml", Description: "Data som dokumentet är gjort av", MIME: "application/yaml", Data: []byte("typ: tjänsteskrivelse\n")}},
	}
}

func para(s string) *doc.Paragraph { return &doc.Paragraph{Text: []doc.Inline{doc.Text(s)}} }

func bullets(items ...string) *doc.List {
	l := &doc.List{}
	for _, s := range items {
		l.Items = append(l.Items, doc.ListItem{Blocks: []doc.Block{para(s)}})
	}
	return l
}

// All returns a document holding every node kind.
func All() *doc.Document {
	nested := bullets("Tydligt och närvarande invånarperspektiv", "Främja ökad samverkan, samordning och horisontella prioriteringar")
	nested.Items[1].Blocks = append(nested.Items[1].Blocks, &doc.List{Ordered: true, Items: []doc.ListItem{
		{Blocks: []doc.Block{para("Första underpunkten")}},
		{Blocks: []doc.Block{para("Andra underpunkten med samiska bokstäver: á č đ ï ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž")}},
	}})
	d := &doc.Document{Meta: Meta(), Blocks: []doc.Block{
		&doc.Heading{Level: 0, Text: []doc.Inline{doc.Text("Utveckling av samspelet mellan specialistvård och primärvård. RF-uppdrag 2024")}},
		&doc.Table{Borderless: true, Columns: []doc.Column{{Width: 1}, {Width: 3}}, Rows: []doc.Row{
			{Cells: []doc.Cell{doc.TextCell("Diarienummer"), doc.TextCell("HSN 1203-2024")}},
			{Cells: []doc.Cell{doc.TextCell("Datum"), doc.TextCell("den 20 november 2024")}},
		}},
		&doc.Heading{Level: 1, Numbered: true, Text: []doc.Inline{doc.Text("Bakgrund")}},
		&doc.Paragraph{Text: []doc.Inline{
			doc.Text("Regionfullmäktige har gett "), doc.Strong("tre nämnder"), doc.Text(" uppdrag, se "),
			{Text: "regionens webbplats", Link: "https://www.regionvasterbotten.se"},
			doc.Text(" och "), {Text: "kursiv text", Style: doc.Italic}, {Break: true}, doc.Text("Ny rad efter radbrytning."),
		}},
		&doc.Heading{Level: 2, Numbered: true, Text: []doc.Inline{doc.Text("Idé")}},
		nested,
		&doc.Heading{Level: 1, Numbered: true, Text: []doc.Inline{doc.Text("Tidplan")}},
		&doc.Table{
			Columns: []doc.Column{{Width: 3}, {Width: 1}, {Width: 1}},
			Header:  []doc.Row{{Cells: []doc.Cell{doc.TextCell("Fas/beslutspunkt"), doc.TextCell("Start"), doc.TextCell("Slut")}}},
			Rows: []doc.Row{
				{Cells: []doc.Cell{{Blocks: []doc.Block{&doc.Paragraph{Text: []doc.Inline{doc.Strong("BP1 Beslut")}}, para("Beslut av nytt uppdragsdirektiv i nämnd (HSN och RS)")}}, doc.TextCell("2024-11-21"), doc.TextCell("2024-12-17")}},
				{Cells: []doc.Cell{doc.TextCell("BP2 Beslut: Delaktiviteter slutförda"), doc.TextCell("2025-09"), doc.TextCell("2025-10")}},
				{Cells: []doc.Cell{doc.TextCell("Literal | # * {{ <script> text"), doc.TextCell(""), doc.TextCell("")}},
			},
			Caption: "Tabell 1. Tidplan",
		},
		&doc.Status{Level: doc.Yellow, Word: "Gul", Line: []doc.Inline{doc.Text("Övergripande status"), doc.Text(": "), doc.Strong("Gul"), doc.Text(" – "), doc.Text("En delaktivitet är försenad.")}},
		doc.DefinitionTable("Begrepp/förkortning", "Förklaring", []doc.Definition{
			{Term: "CLG", Definition: []doc.Inline{doc.Text("Centrala ledningsgruppen")}},
			{Term: "HSF", Definition: []doc.Inline{doc.Text("Hälso- och sjukvårdsförvaltningen")}},
		}),
		&doc.PageBreak{},
		&doc.Paragraph{Small: true, Text: []doc.Inline{doc.Text("Finstilt text efter sidbrytning.")}},
		&doc.Signatures{
			Labels:  doc.SignatureLabels{Signature: "Underskrift", Date: "Datum", Name: "Namnförtydligande", Place: "Ort"},
			Signers: []doc.Signer{{Role: "Uppdragsägare"}, {Role: "Handläggare", Name: "Erika Frohm", Title: "Samordnare", Date: "2024-11-20", Place: "Umeå", ShowPlace: true}},
		},
	}}
	if err := doc.Number(d); err != nil {
		panic(err)
	}
	return d
}

// LongTable returns a document with a table of n rows that must span pages.
func LongTable(n int) *doc.Document {
	t := &doc.Table{
		Columns: []doc.Column{{Width: 3}, {Width: 1}, {Width: 1}, {Width: 2}},
		Header:  []doc.Row{{Cells: []doc.Cell{doc.TextCell("Aktivitet"), doc.TextCell("Startdatum"), doc.TextCell("Slutdatum"), doc.TextCell("Ansvarig")}}},
	}
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("Aktivitet %d: säkerställa samverkan", i)
		if i%7 == 0 {
			text += " mellan primärvården och sjukhusvården i hela länet, med en längre beskrivning som bryts på flera rader i cellen"
		}
		t.Rows = append(t.Rows, doc.Row{Cells: []doc.Cell{doc.TextCell(text), doc.TextCell("2025-01-01"), doc.TextCell("2025-12-31"), doc.TextCell("Uppdragsledare")}})
	}
	d := &doc.Document{Meta: Meta(), Blocks: []doc.Block{&doc.Heading{Level: 1, Numbered: true, Text: []doc.Inline{doc.Text("Delaktiviteter")}}, t}}
	_ = doc.Number(d)
	return d
}

// LongDefinitions returns a document with n definitions.
func LongDefinitions(n int) *doc.Document {
	var items []doc.Definition
	for i := 1; i <= n; i++ {
		items = append(items, doc.Definition{Term: fmt.Sprintf("FÖRK%02d", i), Definition: []doc.Inline{doc.Text(fmt.Sprintf("Förklaring nummer %d av en förkortning som används i dokumentet", i))}})
	}
	return &doc.Document{Meta: Meta(), Blocks: []doc.Block{
		&doc.Heading{Level: 1, Text: []doc.Inline{doc.Text("Definitioner och förkortningar")}},
		doc.DefinitionTable("Begrepp/förkortning", "Förklaring", items),
	}}
}

// SignaturesAtFoot returns a document whose signature block comes right
// after fill paragraphs that bring it near the foot of the first page; the
// block must move whole to the next page rather than split.
func SignaturesAtFoot(fill int) *doc.Document {
	d := &doc.Document{Meta: Meta()}
	for i := 0; i < fill; i++ {
		d.Blocks = append(d.Blocks, para(fmt.Sprintf("Stycke %d som fyller sidan så att underskriftsblocket hamnar längst ned på sidan.", i+1)))
	}
	d.Blocks = append(d.Blocks, &doc.Signatures{
		Labels:  doc.SignatureLabels{Signature: "Underskrift", Date: "Datum", Name: "Namnförtydligande", Place: "Ort"},
		Signers: []doc.Signer{{Role: "Uppdragsägare"}, {Role: "Regiondirektör", Name: "Anna Åström"}},
	})
	return d
}
