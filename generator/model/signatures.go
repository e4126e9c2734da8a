package model

// SignatureBlock says how a signature block is drawn: which layout, the
// signers side by side or one under another, whether a place and date
// line stands above them, and whether the PDF and DOCX get fields to sign
// electronically. The organisation profile sets it for all its documents
// (underskriftsblock: in organisation.yaml) and a document may change any
// part of it for itself; a key left out keeps the profile's value, and the
// profile's left out keeps the default (formulär, under, no place and
// date line, signable).
//
// Organisations differ here, and a transcribed memo must look like the
// original: a region signs on form lines with a date, a municipality
// prints name and title under one line, two signers side by side.
type SignatureBlock struct {
	Layout    string `yaml:"layout" desc:"formulär: linjer för underskrift, datum och namnförtydligande (standard); namn_under_linje: en linje att skriva under på, med namn och titel under; namn_och_titel: bara namn och titel, med plats att skriva under ovanför och ingen linje." enum:"formulär,namn_under_linje,namn_och_titel"`
	Placement string `yaml:"placering" desc:"under: undertecknarna under varandra (standard); bredvid: två i bredd." enum:"under,bredvid"`
	PlaceDate *bool  `yaml:"ort_och_datum" desc:"En rad med ort och datum ovanför underskrifterna, till exempel Kungsbacka 2025-08-22; datumet är dokumentets."`
	Place     string `yaml:"ort" desc:"Orten på raden med ort och datum; utelämnad: den första undertecknarens ort."`
	Signable  *bool  `yaml:"signeringsbar" desc:"Ett tomt signaturfält per undertecknare i PDF:en och en signaturrad i DOCX-filen, så att dokumentet kan skrivas under elektroniskt (Acrobat, Word, e-underskriftstjänster); standard true. false för organisationer som skriver under på papper."`
}

// Signature block layouts and placements, as written in the data.
const (
	LayoutForm          = "formulär"
	LayoutNameUnderLine = "namn_under_linje"
	LayoutNameOnly      = "namn_och_titel"
	PlacementStacked    = "under"
	PlacementBeside     = "bredvid"
)

// SignatureSettings are a document's signature block settings with every
// choice made: the document's own over its profile's over the defaults.
type SignatureSettings struct {
	Layout    string // LayoutForm or LayoutNameUnderLine
	Beside    bool   // signers side by side
	PlaceDate bool   // a place and date line above the signers
	Place     string // the place on that line; "" for the first signer's
	Signable  bool   // signature fields in the PDF, signature lines in the DOCX
}

// SignatureSettingsOf merges a document's signature block settings over its
// organisation profile's. Either may be nil.
func SignatureSettingsOf(doc *Common, org *OrgProfile) SignatureSettings {
	s := SignatureSettings{Layout: LayoutForm, Signable: true}
	var layers []*SignatureBlock
	if org != nil {
		layers = append(layers, org.SignatureBlock)
	}
	if doc != nil {
		layers = append(layers, doc.SignatureBlock)
	}
	for _, l := range layers {
		if l == nil {
			continue
		}
		if l.Layout != "" {
			s.Layout = l.Layout
		}
		if l.Placement != "" {
			s.Beside = l.Placement == PlacementBeside
		}
		if l.PlaceDate != nil {
			s.PlaceDate = *l.PlaceDate
		}
		if l.Place != "" {
			s.Place = l.Place
		}
		if l.Signable != nil {
			s.Signable = *l.Signable
		}
	}
	return s
}
