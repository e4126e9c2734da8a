package doctest

import "github.com/underlag/underlag/generator/doc"

// SignatureCase is a document whose last block is a signature block in
// one layout, for the renderers' tests of each layout.
type SignatureCase struct {
	Name string
	Doc  *doc.Document
}

// Block returns the case's signature block.
func (c SignatureCase) Block() *doc.Signatures {
	return c.Doc.Blocks[len(c.Doc.Blocks)-1].(*doc.Signatures)
}

// SignatureLabels are the labels compose gives a signature block by
// default.
func SignatureLabels() doc.SignatureLabels {
	return doc.SignatureLabels{
		Signature: "Underskrift", Date: "Datum", Name: "Namnförtydligande", Place: "Ort",
		PlaceDate: "Ort och datum", Instructions: "Läs igenom hela dokumentet innan du skriver under.",
	}
}

// SignatureLayouts returns one signable document for each layout of the
// signature block: form lines and name under a line, stacked and side by
// side (three signers, so that the third starts a row of its own), with
// and without a place and date line, with a named signer (Sami and
// Vietnamese letters), a signer with a title only by role, and a role
// alone.
func SignatureLayouts() []SignatureCase {
	signers := func() []doc.Signer {
		return []doc.Signer{
			{Role: "Uppdragsägare", Name: "Ájlin Sárri", Title: "Områdeschef", Field: "underskrift-uppdragsagare-ajlin-sarri"},
			{Role: "Förvaltningschef", Name: "Nguyễn Thị Mai", Field: "underskrift-forvaltningschef-nguyen-thi-mai", Date: "2025-08-22"},
			{Role: "Regiondirektör", Field: "underskrift-regiondirektor"},
		}
	}
	mk := func(name string, s *doc.Signatures) SignatureCase {
		s.Labels = SignatureLabels()
		s.Signable = true
		s.Signers = signers()
		d := &doc.Document{Meta: Meta(), Blocks: []doc.Block{
			&doc.Heading{Level: 0, Text: []doc.Inline{doc.Text("Underskrifter: " + name)}},
			para("Nämnden beslutar enligt förslaget. Underskrifterna nedan bekräftar beslutet."),
			s,
		}}
		return SignatureCase{Name: name, Doc: d}
	}
	return []SignatureCase{
		mk("formulär under", &doc.Signatures{Layout: doc.FormLines}),
		mk("formulär bredvid", &doc.Signatures{Layout: doc.FormLines, Beside: true, PlaceDate: true, Place: "Umeå"}),
		mk("namn under linje, under", &doc.Signatures{Layout: doc.NameUnderLine, PlaceDate: true, Date: "2025-08-22"}),
		mk("namn under linje, bredvid", &doc.Signatures{Layout: doc.NameUnderLine, Beside: true, PlaceDate: true, Place: "Kungsbacka", Date: "2025-08-22"}),
	}
}
